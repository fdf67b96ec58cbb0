/**
 * The only text the main process shows itself: error boxes raised before the renderer exists, so
 * they cannot use the renderer's catalogues. Move these into shared/i18n once it has a main-process
 * entry point; until then they are kept here, in all three languages, in one place.
 */
type Lang = 'fi' | 'sv' | 'en';

interface StartupMessages {
  title: string;
  storeInUse: string;
  startupFailed: string;
}

const MESSAGES: Readonly<Record<Lang, StartupMessages>> = {
  fi: {
    title: 'Tiimipöytä',
    storeInUse: 'Tiedosto on jo auki toisessa Tiimipöydässä. Sulje se ja käynnistä uudelleen.',
    startupFailed: 'Tiimipöytä ei käynnistynyt. Tietoja ei muutettu.',
  },
  sv: {
    title: 'Tiimipöytä',
    storeInUse: 'Datafilen är redan öppen i en annan Tiimipöytä. Stäng den och starta om.',
    startupFailed: 'Tiimipöytä kunde inte starta. Inga uppgifter ändrades.',
  },
  en: {
    title: 'Tiimipöytä',
    storeInUse: 'The store is already open in another Tiimipöytä. Close it and start again.',
    startupFailed: 'Tiimipöytä could not start. No data was changed.',
  },
};

/** Finnish is the product's default; Swedish and English when the system asks for them. */
export function startupMessages(preferredLanguages: readonly string[]): StartupMessages {
  for (const tag of preferredLanguages) {
    const lang = tag.toLowerCase().split(/[-_]/)[0];
    if (lang === 'fi' || lang === 'sv' || lang === 'en') return MESSAGES[lang];
  }
  return MESSAGES.fi;
}

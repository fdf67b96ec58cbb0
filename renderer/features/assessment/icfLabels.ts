import type { TFunction } from 'i18next';
import { icfCategory, type IcfComponent, type IcfLanguage } from '../../../shared/domain/icf';

/** Message key of a qualifier: ".2" is a moderate barrier, "+2" a moderate facilitator. */
function qualifierKey(q: string, component: IcfComponent): string {
  if (component !== 'e') return `session.icf.qualifiers.q${q}`;
  if (q === '.9') return 'session.icf.qualifiers.na';
  return `session.icf.qualifiers.${q.startsWith('+') ? 'f' : 'b'}${q.slice(1)}`;
}

/** "2 – moderate problem", "+1 – mild facilitator". */
export function qualifierLabel(t: TFunction, q: string, component: IcfComponent): string {
  return `${q} – ${t(qualifierKey(q, component))}`;
}

export function icfName(code: string, language: string): string {
  const c = icfCategory(code);
  const lang: IcfLanguage = language === 'sv' || language === 'en' ? language : 'fi';
  return c ? c.names[lang] : code;
}

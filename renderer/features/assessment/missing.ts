import type { TFunction } from 'i18next';
import { TEXT_FIELDS } from '../../../shared/domain/assessment';

const NAMED = ['purpose', 'teamRating', 'servicePath', 'clientAgreement', 'consentReason'] as const;

/** What the record still needs, in words: the backend names fields by their canonical keys. */
export function missingLabel(t: TFunction, key: string): string {
  const field = key.startsWith('text:') ? key.slice(5) : key;
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return t(`session.textFields.${field}`);
  if ((NAMED as readonly string[]).includes(field)) return t(`session.missing.${field}`);
  return field;
}

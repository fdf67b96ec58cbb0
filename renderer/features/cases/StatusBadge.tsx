import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../shared/domain/case';

/** A case's phase, readable in full (no capitals, no truncation) on a projector as on a laptop. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      tt="none"
      color={status === 'closed' ? 'gray.8' : 'indigo.8'}
      styles={{ root: { maxWidth: 'none', height: 'auto' }, label: { overflow: 'visible', whiteSpace: 'normal' } }}
    >
      {t(`cases.statuses.${status}`)}
    </Badge>
  );
}

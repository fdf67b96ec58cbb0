import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../errors';

/** A failed call's message, announced to screen readers as it appears. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" variant="light">
      {errorText(t, error)}
    </Alert>
  );
}

/**
 * "Verify a PDF" (issue 7, item 5): anyone signed in, whatever their role, can check that a plan
 * PDF someone hands them is the version the team signed, unchanged, and still the plan in force.
 */
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VerifyPdf } from './VerifyPdf';

export function VerifyPdfPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1} size="h2">
        {t('verifyPdf.title')}
      </Title>
      <Text maw={720}>{t('verifyPdf.intro')}</Text>
      <VerifyPdf headingOrder={2} />
    </Stack>
  );
}

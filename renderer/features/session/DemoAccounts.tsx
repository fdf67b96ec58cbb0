import { Alert, Button, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';

/**
 * The demo store's accounts and their shared password, so a newcomer can sign in. Showing a
 * password is fine here only because the demo holds invented people.
 */
export function DemoAccounts({ demo, onContinue }: { demo: Output<'store.openDemo'>; onContinue: () => void }) {
  const { t } = useTranslation();
  const admin = demo.accounts.find((a) => a.role === 'administrator');
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light">{t('demo.intro')}</Alert>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('demo.folder', { dir: demo.status.dataDir })}</Text>
      <div>
        <Text size="sm" fw={500}>{t('demo.password')}</Text>
        <Code data-testid="demo-password" fz="lg" style={{ userSelect: 'all' }}>{demo.password}</Code>
      </div>
      <Table striped fz="sm" aria-label={t('demo.accounts')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('demo.columns.username')}</Table.Th>
            <Table.Th scope="col">{t('demo.columns.person')}</Table.Th>
            <Table.Th scope="col">{t('demo.columns.role')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {demo.accounts.map((a) => (
            <Table.Tr key={a.username}>
              <Table.Td ff="monospace">{a.username}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>{a.displayName}</Text>
                <Text size="xs" c="dimmed">{t(`professions.${a.profession}`)}</Text>
              </Table.Td>
              <Table.Td>{t(`roles.${a.role}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {admin && <Text size="sm">{t('demo.signInHint', { username: admin.username })}</Text>}
      <Button onClick={onContinue}>{t('demo.continue')}</Button>
    </Stack>
  );
}

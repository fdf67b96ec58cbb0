import { Alert, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../shared/api/contract';
import { formatDateTime } from '../../../shared/domain/dates';
import { Fingerprint, Mark, SignatureTable, ValidityCell, type Signature } from './signingParts';

const isClient = (s: Signature) => s.kind === 'client_drawn' || s.kind === 'client_oral';

function how(t: TFunction, s: Signature): string {
  switch (s.kind) {
    case 'member':
      return t('signing.list.member');
    case 'confirmed':
      return t('signing.list.confirmed', { signer: s.signerName });
    case 'client_drawn':
      return t('signing.list.drawn', { signer: s.signerName });
    case 'client_oral':
      return t('signing.list.oral', { signer: s.signerName, witness: s.witness ?? '' });
  }
}

/**
 * A version's signatures and whether each still holds, as the backend recomputed them when the
 * version was read (the stored payload against its hash, each signature against its public key).
 * Used by step 10 and by the plan view on the case page. `hideClientName` for the shared screen.
 */
export function SignatureList({ version, hideClientName = false }: { version: PlanVersion; hideClientName?: boolean }) {
  const { t, i18n } = useTranslation();
  const who = (s: Signature) => (isClient(s) ? (hideClientName ? t('signing.clientLabel') : t('signing.list.clientName', { name: s.name })) : s.name);
  const valid = version.signatures.filter((s) => s.valid).length;
  return (
    <Stack gap="sm">
      {version.payloadSha256 && <Fingerprint hash={version.payloadSha256} />}
      {version.payloadValid === false && (
        <Alert color="red.9" variant="outline" role="alert" title={t('signing.list.tamperedTitle')}>
          <Text c="var(--mantine-color-text)">{t('signing.list.tampered')}</Text>
        </Alert>
      )}
      {version.payloadValid === true && <Mark state="ok">{t('signing.list.intact')}</Mark>}
      {version.signatures.length === 0 ? (
        <Text>{t('signing.list.none')}</Text>
      ) : (
        <>
          <Text>{t('signing.list.summary', { valid, count: version.signatures.length })}</Text>
          <SignatureTable caption={t('signing.list.caption', { version: version.version })}>
            {version.signatures.map((s) => (
              <Table.Tr key={s.id} data-valid={s.valid}>
                <Table.Th scope="row" fw={500}>{who(s)}</Table.Th>
                <Table.Td>
                  <Stack gap={4}>
                    <span>{how(t, s)}</span>
                    {s.kind === 'client_drawn' && s.image && (
                      <img
                        src={s.image}
                        alt={t('signing.list.drawnAlt', { name: who(s) })}
                        style={{ height: 48, width: 'auto', maxWidth: 180, background: '#ffffff', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
                      />
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.signedAt, i18n.language)}</Table.Td>
                <ValidityCell valid={s.valid} />
              </Table.Tr>
            ))}
          </SignatureTable>
        </>
      )}
    </Stack>
  );
}

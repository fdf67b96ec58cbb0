import { Box, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../shared/api/contract';
import type { Sector } from '../../../shared/domain/meeting';
import { formatTime } from '../../../shared/domain/dates';
import { useSectorList } from './QuorumCheck';
import { SignedBanner } from './SignedPlan';
import { clientSignature, Mark, shortHash, signingCounts, slotSignature } from './signingParts';

/**
 * Step 10 on the shared screen: who has signed, as big ticks with times. No controls, no
 * passwords, and the client only as "Client".
 */
export function SigningProgress({ version, missingSectors }: { version: PlanVersion; missingSectors: readonly Sector[] | null }) {
  const { t, i18n } = useTranslation();
  const sectorList = useSectorList();

  if (version.state === 'draft') {
    return (
      <Stack gap="md">
        {missingSectors !== null &&
          (missingSectors.length === 0 ? (
            <Mark state="ok" size={32}>{t('signing.quorum.allPresent')}</Mark>
          ) : (
            <Mark state="bad" size={32}>{t('signing.quorum.missing', { sectors: sectorList(missingSectors) })}</Mark>
          ))}
        <Text size="xl">{t('signing.progressScreen.notFrozen', { version: version.version })}</Text>
      </Stack>
    );
  }

  const { given, needed } = signingCounts(version);
  const client = clientSignature(version);
  const row = (key: string, name: string, state: 'ok' | 'bad' | 'waiting', text: string) => (
    <Box component="li" key={key} py={6}>
      <Mark state={state} size={40}>
        <Text component="span" fw={700} size="xl">{name}</Text>
        <Text component="span" size="xl"> · {text}</Text>
      </Mark>
    </Box>
  );

  return (
    <Stack gap="lg">
      {version.state === 'frozen' ? (
        <Stack gap={4}>
          <Title order={3} size="h3">{t('signing.round.title', { version: version.version })}</Title>
          {version.payloadSha256 && <Text>{t('signing.progressScreen.fingerprint', { hash: shortHash(version.payloadSha256) })}</Text>}
          <Text fw={700} size="xl">{t('signing.round.progress', { given, count: needed })}</Text>
        </Stack>
      ) : (
        <SignedBanner version={version} large />
      )}
      <Box component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('signing.progressScreen.listLabel')}>
        {version.signers.map((slot) => {
          if (slot.way === 'none') return row(slot.attendanceId, slot.name, 'waiting', t('signing.round.absent'));
          const sig = slotSignature(version, slot.attendanceId);
          if (!slot.signed && !sig) return row(slot.attendanceId, slot.name, 'waiting', t('signing.progressScreen.waiting'));
          const time = sig ? formatTime(sig.signedAt, i18n.language) : '';
          const said = slot.way === 'confirmed' ? t('signing.round.confirmedAt', { time }) : t('signing.round.signedAt', { time });
          return sig?.valid === false ? row(slot.attendanceId, slot.name, 'bad', `${said} · ${t('signing.list.invalid')}`) : row(slot.attendanceId, slot.name, 'ok', said);
        })}
        {version.clientSigned || client
          ? row('client', t('signing.clientLabel'), client?.valid === false ? 'bad' : 'ok', client?.kind === 'client_oral' ? t('signing.round.clientOralAt', { time: formatTime(client.signedAt, i18n.language) }) : t('signing.round.signedAt', { time: client ? formatTime(client.signedAt, i18n.language) : '' }))
          : row('client', t('signing.clientLabel'), 'waiting', t('signing.progressScreen.waiting'))}
      </Box>
    </Stack>
  );
}

/**
 * What a verification found: the verdict in words and by mark and colour, every check in order
 * (holds, does not hold and why, or not checked), and what the file says (case, version, the
 * verification code printed on its pages, the hash, the seal, the signatures). The client's
 * signature is named by the initials the backend gives, never more.
 */
import { Code, Group, Paper, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfVerification } from '../../../shared/api/contract';
import { formatDateTime } from '../../../shared/domain/dates';
import { Mark, OK_COLOUR, SignatureTable, ValidityCell } from '../plans/signingParts';

type Check = PdfVerification['checks'][number];
type Verdict = PdfVerification['verdict'];

/** Each at least 4.5:1 against white, white glyphs on them likewise. */
const VERDICT_LOOK: Record<Verdict, { colour: string; glyph: string }> = {
  valid: { colour: OK_COLOUR, glyph: '✓' },
  // A dark amber: genuine, but not the plan in force.
  superseded: { colour: '#8a4b00', glyph: '!' },
  invalid: { colour: 'red.9', glyph: '✗' },
};

const isClient = (kind: string) => kind === 'client_drawn' || kind === 'client_oral';

/** The verdict as one line: valid; superseded naming the version that replaced it; or the first failed check's problem. */
export function verdictText(t: TFunction, r: PdfVerification, language: string): string {
  if (r.verdict === 'valid') return t('verifyPdf.verdict.valid');
  if (r.verdict === 'superseded') {
    const by = r.store?.supersededBy ?? null;
    const at = r.store?.supersededAt ?? null;
    if (by === null) return t('verifyPdf.verdict.supersededLater');
    if (at === null) return t('verifyPdf.verdict.supersededNoDate', { version: by });
    return t('verifyPdf.verdict.superseded', { version: by, date: formatDateTime(at, language) });
  }
  const failed = r.checks.find((c) => c.ok === false && c.problem !== null);
  return failed ? t(`verifyPdf.problems.${failed.problem}`) : t('verifyPdf.verdict.unknown');
}

/** A Mantine colour ("red.9") or a hex value as CSS. */
const cssColour = (colour: string) => (colour.startsWith('#') ? colour : `var(--mantine-color-${colour.replace('.', '-')})`);

/** One check: ✓ holds, ✗ does not hold (and what was found), ○ not checked; always in words too. */
function CheckItem({ check }: { check: Check }) {
  const { t } = useTranslation();
  const state = check.ok === true ? 'ok' : check.ok === false ? 'bad' : 'waiting';
  const word = check.ok === true ? t('verifyPdf.state.ok') : check.ok === false ? t('verifyPdf.state.failed') : t('verifyPdf.state.skipped');
  return (
    <li data-check={check.check} data-ok={String(check.ok)} style={{ listStyle: 'none' }}>
      <Mark state={state}>
        <Text span fw={check.ok === false ? 700 : undefined}>
          {t(`verifyPdf.checks.${check.check}`)}: {word}
        </Text>
        {check.ok === false && check.problem && (
          <Text span display="block" size="sm">
            {t(`verifyPdf.problems.${check.problem}`)}
          </Text>
        )}
      </Mark>
    </li>
  );
}

/** The terms as wide as the longest, the values the rest. */
const FACT_COLUMNS = { gridTemplateColumns: 'minmax(10rem, max-content) minmax(0, 1fr)' } as const;

/** A term and its value in a definition list (two columns). */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div style={{ display: 'contents' }}>
      <Text component="dt" fw={500}>
        {term}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Facts({ result, order }: { result: PdfVerification; order: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const { plan, seal } = result;
  return (
    <Stack gap="sm">
      <Title order={order} size="h4">
        {t('verifyPdf.factsTitle')}
      </Title>
      {plan ? (
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} component="dl" m={0} maw={900} style={FACT_COLUMNS}>
          <Fact term={t('verifyPdf.caseNumber')}>
            <span data-fact="case-number">{plan.caseNumber}</span>
          </Fact>
          <Fact term={t('verifyPdf.version')}>
            <span data-fact="version">{plan.version}</span>
          </Fact>
          <Fact term={t('verifyPdf.frozenAt')}>{formatDateTime(plan.frozenAt, i18n.language)}</Fact>
          <Fact term={t('pdf.integrity.code')}>
            <Code fz="xl" fw={700} data-fact="verification-code">
              {plan.verificationCode}
            </Code>
            <Text span display="block" size="sm">
              {t('verifyPdf.codeHint')}
            </Text>
          </Fact>
          <Fact term={t('pdf.integrity.sha256')}>
            <Code style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-fact="sha256">
              {plan.payloadSha256}
            </Code>
          </Fact>
        </SimpleGrid>
      ) : (
        <Text>{t('verifyPdf.noPlan')}</Text>
      )}
      <Title order={order} size="h4">
        {t('verifyPdf.sealTitle')}
      </Title>
      {seal ? (
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} component="dl" m={0} maw={900} style={FACT_COLUMNS}>
          <Fact term={t('verifyPdf.sealSubject')}>{seal.subject}</Fact>
          <Fact term={t('verifyPdf.sealFingerprint')}>
            <Code style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{seal.fingerprintSha256}</Code>
          </Fact>
          {seal.signedAt && <Fact term={t('verifyPdf.sealedAt')}>{formatDateTime(seal.signedAt, i18n.language)}</Fact>}
        </SimpleGrid>
      ) : (
        <Text>{t('verifyPdf.noSeal')}</Text>
      )}
      <Title order={order} size="h4">
        {t('verifyPdf.signaturesTitle')}
      </Title>
      {result.signatures.length === 0 ? (
        <Text>{t('verifyPdf.noSignatures')}</Text>
      ) : (
        <SignatureTable caption={t('verifyPdf.signaturesCaption')}>
          {result.signatures.map((s, i) => (
            <Table.Tr key={`${s.kind}-${s.signedAt}-${i}`} data-valid={s.valid}>
              {/* The backend names the client by initials only; shown as they come. */}
              <Table.Th scope="row" fw={500}>
                {isClient(s.kind) ? t('signing.list.clientName', { name: s.name }) : s.name}
              </Table.Th>
              <Table.Td>{t(`verifyPdf.kinds.${s.kind}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.signedAt, i18n.language)}</Table.Td>
              <ValidityCell valid={s.valid} />
            </Table.Tr>
          ))}
        </SignatureTable>
      )}
    </Stack>
  );
}

/** The verdict, the checks and the facts; `actions` (verify another) sits under the verdict. */
export function VerifyResult({ result, actions, headingOrder = 3 }: { result: PdfVerification; actions: ReactNode; headingOrder?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const checksTitle = useId();
  const look = VERDICT_LOOK[result.verdict];
  return (
    <Stack gap="lg" data-verdict={result.verdict}>
      <Paper withBorder p="md" style={{ borderColor: cssColour(look.colour), borderWidth: 3 }}>
        <Group gap="md" wrap="nowrap" align="center">
          <ThemeIcon size={56} radius="xl" color={look.colour} aria-hidden>
            <Text span fz={32} fw={700} c="white" lh={1}>
              {look.glyph}
            </Text>
          </ThemeIcon>
          <Stack gap={4}>
            <Text fz="xl" fw={700} data-testid="verdict">
              {verdictText(t, result, i18n.language)}
            </Text>
            <Text>{t(`verifyPdf.verdictBody.${result.verdict}`)}</Text>
          </Stack>
        </Group>
      </Paper>
      {actions}
      <Stack gap="xs">
        <Title order={headingOrder} size="h4" id={checksTitle}>
          {t('verifyPdf.checksTitle')}
        </Title>
        <Stack component="ul" role="list" aria-labelledby={checksTitle} gap={8} m={0} p={0}>
          {result.checks.map((c) => (
            <CheckItem key={c.check} check={c} />
          ))}
        </Stack>
      </Stack>
      <Facts result={result} order={headingOrder} />
    </Stack>
  );
}

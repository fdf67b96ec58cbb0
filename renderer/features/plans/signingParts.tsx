/** Small pieces steps 9 and 10 and the signature list share. */
import { Alert, Code, Group, Table, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../shared/api/contract';
import { PLAN_PROBLEM_CODES } from '../../../shared/domain/plan';
import { errorText } from '../../errors';

export type SignerSlot = PlanVersion['signers'][number];
export type Signature = PlanVersion['signatures'][number];

/** The dark green the app uses for "done" (7:1 against white with white text). */
export const OK_COLOUR = '#1e6b30';

/** A failed call in the user's words, announced as it appears. */
export function ErrorAlert({ error, title, children }: { error: unknown; title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert color="red.9" variant="outline" role="alert" title={title}>
      <Text c="var(--mantine-color-text)">{errorText(t, error)}</Text>
      {children}
    </Alert>
  );
}

/** ✓ or ✗ (or ○ waiting) beside words that say the same: colour is never the only sign. */
export function Mark({ state, size = 22, children }: { state: 'ok' | 'bad' | 'waiting'; size?: number; children: ReactNode }) {
  const look = state === 'ok' ? { color: OK_COLOUR, glyph: '✓' } : state === 'bad' ? { color: 'red.9', glyph: '✗' } : { color: 'gray.7', glyph: '○' };
  return (
    <Group gap={8} wrap="nowrap" align="center">
      <ThemeIcon size={size} radius="xl" color={look.color} variant={state === 'waiting' ? 'outline' : 'filled'} aria-hidden>
        {look.glyph}
      </ThemeIcon>
      <span>{children}</span>
    </Group>
  );
}

/** The first 16 hex digits: enough to compare by eye; the whole hash is one click away. */
export const shortHash = (hash: string) => hash.slice(0, 16);

/** "SHA-256 3f9a…" with the full hash in a title and in an expandable detail. */
export function Fingerprint({ hash }: { hash: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text>
        {t('signing.fingerprint')}{' '}
        <Code title={hash} fz="inherit">
          {shortHash(hash)}…
        </Code>
      </Text>
      <details>
        <summary>{t('signing.fingerprintFull')}</summary>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {hash}
        </Code>
      </details>
    </div>
  );
}

type Problem = PlanVersion['problems'][number];

/** The problems a `plan_incomplete` refusal carries, when it carries them. */
export function problemsOf(details: Record<string, unknown> | undefined): Problem[] | null {
  const list = details?.['problems'];
  if (!Array.isArray(list)) return null;
  return list.filter((p): p is Problem => typeof p === 'object' && p !== null && (PLAN_PROBLEM_CODES as readonly unknown[]).includes((p as Problem).code));
}

/** Who stands in the chair for this version (the key that confirms and binds the client's signature). */
export function chairNameOf(version: PlanVersion): string | null {
  return version.signers.find((s) => s.userId !== null && s.userId === version.chairUserId)?.name ?? null;
}

/** The member's or the chair-confirmed signature for one attendance row. */
export const slotSignature = (version: PlanVersion, attendanceId: string): Signature | undefined =>
  version.signatures.find((s) => s.attendanceId === attendanceId && (s.kind === 'member' || s.kind === 'confirmed'));

export const clientSignature = (version: PlanVersion): Signature | undefined => version.signatures.find((s) => s.kind === 'client_drawn' || s.kind === 'client_oral');

/** Signatures in, and needed in all (everyone at the table, and the client). */
export function signingCounts(version: PlanVersion): { given: number; needed: number } {
  const signing = version.signers.filter((s) => s.way !== 'none');
  return { given: signing.filter((s) => s.signed).length + (version.clientSigned ? 1 : 0), needed: signing.length + 1 };
}

/**
 * The signatures as a table: who, how, when, and whether it verifies (the plan's signature list and
 * a verified PDF's). `children` are the rows, one a signature, each closed by a `ValidityCell`.
 */
export function SignatureTable({ caption, children }: { caption: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('signing.list.who')}</Table.Th>
            <Table.Th scope="col">{t('signing.list.how')}</Table.Th>
            <Table.Th scope="col">{t('signing.list.when')}</Table.Th>
            <Table.Th scope="col">{t('signing.list.check')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A signature's last cell: valid or invalid, in words and a mark. */
export function ValidityCell({ valid }: { valid: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Mark state={valid ? 'ok' : 'bad'}>{valid ? t('signing.list.valid') : t('signing.list.invalid')}</Mark>
    </Table.Td>
  );
}

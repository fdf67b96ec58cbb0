/**
 * Small pieces the plan's cards share: the ids that the problems list focuses, labels that name
 * the goal or action they belong to (for screen readers and getByLabel), catalogue names in the UI
 * language, and a value shown as text (read-only versions and the shared screen).
 */
import { Stack, Text, VisuallyHidden } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../shared/api/contract';
import type { Provider, Service, ServiceGroup } from '../../../shared/api/contract-catalogue';
import { formatDay } from '../../../shared/domain/dates';

export type Catalogue = { groups: ServiceGroup[]; services: Service[]; providers: Provider[] };

/** How the editor is shown, for the cards deep inside it. */
export interface PlanView {
  caseId: string;
  version: PlanVersion;
  /** Inputs (a draft, the newest version, a user who may write, not the shared screen). */
  editable: boolean;
  /** A locked newest version outside meetings: each action's status now can be set (follow-up). */
  progressEditable: boolean;
  /** The projector: larger text. */
  presentation: boolean;
  /** Heading level of the editor's sections (cards are one below). */
  level: 2 | 3;
  catalogue: Catalogue | undefined;
}

export const PlanViewContext = createContext<PlanView | null>(null);

export function usePlanView(): PlanView {
  const v = useContext(PlanViewContext);
  if (!v) throw new Error('usePlanView outside a PlanEditor');
  return v;
}

/** The DOM id of one field, so the problems list can move focus to it. */
export function fieldId(kind: 'goal' | 'action' | 'ref' | 'plan', itemId: string | number, field: string): string {
  return `plan-${kind}-${itemId}-${field}`;
}

export function focusField(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
  return true;
}

/** A field label whose accessible name also names its card ("Goal 2 Target date"); the card's name is not shown. */
export function ItemLabel({ item, children }: { item: string; children: ReactNode }) {
  return (
    <>
      <VisuallyHidden>{item} </VisuallyHidden>
      {children}
    </>
  );
}

type Lang = 'fi' | 'sv' | 'en';
export function uiName(names: Record<Lang, string>, language: string): string {
  return names[(['fi', 'sv', 'en'].includes(language) ? language : 'fi') as Lang];
}

export function providerName(p: Provider): string {
  return [p.organisation, p.unit].filter((s) => s.trim() !== '').join(', ');
}

/** A calendar day as text, or null when not set. */
export function useDay(): (day: string | null) => string | null {
  const { i18n } = useTranslation();
  return (day) => (day ? formatDay(day, i18n.language) : null);
}

/** A labelled value as text; "Not given" when empty. Larger on the projector. */
export function ReadField({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { presentation } = usePlanView();
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <Stack gap={0}>
      <Text fw={700} size={presentation ? 'md' : 'sm'}>{label}</Text>
      <Text size={presentation ? 'lg' : 'md'} style={{ whiteSpace: 'pre-wrap' }} c={empty ? 'dimmed' : undefined}>
        {empty ? t('plans.notGiven') : children}
      </Text>
    </Stack>
  );
}

/** A short text for a goal in lists and choices: "2. Finds a work trial place". */
export function goalChoiceLabel(index: number, text: string, untitled: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  const short = line.length > 80 ? `${line.slice(0, 79)}…` : line;
  return `${index + 1}. ${short || untitled}`;
}

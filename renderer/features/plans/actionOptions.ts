/**
 * The choices of an action card, from the catalogue and the plan's goals: names in the UI language,
 * services grouped by service group, and retired entries offered only to the action that already
 * names them (shown as retired), so old plans keep their words and new ones use what is in use.
 */
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { PlanGoalView } from '../../../shared/api/contract';
import { goalChoiceLabel, providerName, uiName, type Catalogue } from './planUi';

export function serviceOptions(catalogue: Catalogue | undefined, chosen: string | null, language: string, t: TFunction): ComboboxItemGroup<ComboboxItem>[] {
  if (!catalogue) return [];
  const groups = new Map(catalogue.groups.map((g) => [g.id, g]));
  const byGroup = new Map<string, ComboboxItem[]>();
  for (const s of catalogue.services) {
    const group = groups.get(s.groupId);
    const offered = s.active && group?.active !== false;
    if (!offered && s.id !== chosen) continue;
    const name = uiName(s.names, language);
    const items = byGroup.get(s.groupId) ?? [];
    items.push({ value: s.id, label: offered ? name : t('plans.actions.retired', { name }) });
    byGroup.set(s.groupId, items);
  }
  const collator = new Intl.Collator(language);
  return [...byGroup.entries()]
    .map(([groupId, items]) => {
      const group = groups.get(groupId);
      return { group: group ? uiName(group.names, language) : t('plans.actions.otherGroup'), items: items.sort((a, b) => collator.compare(a.label, b.label)) };
    })
    .sort((a, b) => collator.compare(a.group, b.group));
}

export function providerOptions(catalogue: Catalogue | undefined, chosen: string | null, language: string, t: TFunction): ComboboxItem[] {
  if (!catalogue) return [];
  const collator = new Intl.Collator(language);
  return catalogue.providers
    .filter((p) => p.active || p.id === chosen)
    .map((p) => ({ value: p.id, label: p.active ? providerName(p) : t('plans.actions.retired', { name: providerName(p) }) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** The plan's goals by number and text; a goal no longer in the plan stays choosable so it can be taken away. */
export function goalOptions(goals: readonly PlanGoalView[], chosen: readonly string[], t: TFunction): ComboboxItem[] {
  const untitled = t('plans.goals.untitled');
  const known = goals.map((g, i) => ({ value: g.id, label: goalChoiceLabel(i, g.text, untitled) }));
  const ids = new Set(goals.map((g) => g.id));
  const unknown = chosen.filter((id) => !ids.has(id)).map((id) => ({ value: id, label: t('plans.actions.unknownGoal') }));
  return [...known, ...unknown];
}

/** The service's name (UI language) or null. */
export function serviceName(catalogue: Catalogue | undefined, serviceId: string | null, language: string): string | null {
  if (!serviceId || !catalogue) return null;
  const s = catalogue.services.find((x) => x.id === serviceId);
  return s ? uiName(s.names, language) : null;
}

export function providerLabel(catalogue: Catalogue | undefined, providerId: string | null): string | null {
  if (!providerId || !catalogue) return null;
  const p = catalogue.providers.find((x) => x.id === providerId);
  return p ? providerName(p) : null;
}

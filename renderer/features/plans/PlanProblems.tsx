import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../shared/api/contract';
import { ACTIONS_HEADING } from './ActionList';
import { GOALS_HEADING } from './GoalList';
import { REVIEW_DATE_ID } from './PlanDetails';
import { fieldId, focusField, usePlanView } from './planUi';

type Problem = PlanVersion['problems'][number];

const GOAL_FIELDS: Partial<Record<Problem['code'], string>> = {
  goal_text_missing: 'text',
  goal_acceptance_missing: 'acceptance',
  goal_client_words_missing: 'clientWords',
};
const ACTION_FIELDS: Partial<Record<Problem['code'], string>> = {
  action_what_missing: 'service',
  action_responsible_missing: 'responsible',
  action_due_missing: 'dueDate',
  action_due_before_start: 'dueDate',
  action_goal_missing: 'goals',
  action_goal_unknown: 'goals',
};

/** What the problem says, naming its goal or action by its number now, and the field to go to. */
export function describeProblem(t: TFunction, v: PlanVersion, p: Problem): { text: string; target: string | null } {
  const text = (item?: string) => t(`plans.problems.codes.${p.code}`, { item });
  if (p.goalId !== undefined) {
    const i = v.content.goals.findIndex((g) => g.id === p.goalId);
    const n = (i >= 0 ? i : (p.index ?? 0)) + 1;
    return { text: text(t('plans.goals.item', { n })), target: fieldId('goal', p.goalId, GOAL_FIELDS[p.code] ?? 'text') };
  }
  if (p.actionId !== undefined) {
    const i = v.content.actions.findIndex((a) => a.id === p.actionId);
    const n = (i >= 0 ? i : (p.index ?? 0)) + 1;
    return { text: text(t('plans.actions.item', { n })), target: fieldId('action', p.actionId, ACTION_FIELDS[p.code] ?? 'service') };
  }
  switch (p.code) {
    case 'statutory_number_missing':
      return { text: text(t('plans.details.ref', { n: (p.index ?? 0) + 1 })), target: fieldId('ref', p.index ?? 0, 'number') };
    case 'no_goals':
      return { text: text(), target: fieldId('plan', 'goals', 'add') };
    case 'no_actions':
      return { text: text(), target: fieldId('plan', 'actions', 'add') };
    case 'review_date_missing':
      return { text: text(), target: REVIEW_DATE_ID };
    default:
      // The coordinator is chosen in step 9, not here.
      return { text: text(), target: null };
  }
}

/** "Still missing before signing": each gap names its goal or action, and a click goes to the field. */
export function PlanProblems() {
  const { t } = useTranslation();
  const { version: v, editable, level } = usePlanView();
  if (v.state !== 'draft') return null;
  const fallback = (target: string) => {
    if (focusField(target)) return;
    // A field not on the page (e.g. the client's words before a choice): its section instead.
    focusField(target.startsWith('plan-goal') ? GOALS_HEADING : ACTIONS_HEADING);
  };
  return (
    <Stack gap={4} component="section" aria-labelledby="plan-problems-heading">
      <Title order={level} size="h4" id="plan-problems-heading">
        {t('plans.problems.title')}
      </Title>
      {v.problems.length === 0 ? (
        <Text>{t('plans.problems.none')}</Text>
      ) : (
        <List spacing={2}>
          {v.problems.map((p, i) => {
            const { text, target } = describeProblem(t, v, p);
            return (
              <List.Item key={`${p.code}:${p.goalId ?? p.actionId ?? p.index ?? i}`}>
                {editable && target ? (
                  <Anchor component="button" type="button" onClick={() => fallback(target)} style={{ textAlign: 'start' }}>
                    {text}
                  </Anchor>
                ) : (
                  text
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}

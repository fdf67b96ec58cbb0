import { Button, Group, Loader, NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coordinator, Input } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { todayInFinland } from '../../../shared/domain/dates';
import { COORDINATOR_TYPES, PLAN_LIMITS, type CoordinatorType } from '../../../shared/domain/plan';
import { PROFESSIONS, type Profession } from '../../../shared/domain/user';
import { errorText } from '../../errors';
import { ErrorAlert } from './signingParts';
import { useAssignCoordinator, useCandidates } from './useSigning';

type Candidate = NonNullable<ReturnType<typeof useCandidates>['data']>[number];

/** Someone outside the team's lists, typed in. */
const OTHER = 'other';
const candidateKey = (c: Pick<Candidate, 'kind' | 'userId' | 'externalId'>) => (c.kind === 'user' ? `user:${c.userId}` : `external:${c.externalId}`);

interface Values {
  who: string;
  name: string;
  organisation: string;
  profession: string;
  contact: string;
  type: CoordinatorType;
  startDate: string;
  handoverNote: string;
}

/**
 * Naming the coordinator: a team member or one of the team's external regulars, each with how many
 * clients they coordinate now, or someone else typed in. Replacing someone needs a handover note.
 */
export function CoordinatorPicker({ caseId, current, onSaved, onCancel, focusOnMount }: { caseId: string; current: Coordinator | null; onSaved: (name: string) => void; onCancel?: () => void; focusOnMount?: boolean }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened with "Change the coordinator": the button is gone, so the keyboard goes on from the heading.
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const candidates = useCandidates(caseId, true);
  const assign = useAssignCoordinator(caseId);
  const replacing = current !== null;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { who: '', name: '', organisation: '', profession: '', contact: '', type: current?.type ?? 'client_coordinator', startDate: todayInFinland(), handoverNote: '' },
    validate: {
      who: (v) => (v === '' ? t('coordination.chooseSomeone') : null),
      name: (v, values) => (values.who === OTHER && v.trim() === '' ? t('common.required') : null),
      startDate: (v) => (v === '' ? t('common.required') : null),
    },
  });
  const list = candidates.data ?? [];
  // Choosing the current coordinator again corrects their row (type, start, contact): nobody hands over.
  const handsOver = (who: string) => replacing && !list.some((c) => candidateKey(c) === who && isCurrent(c));
  const members = list.filter((c) => c.kind === 'user');
  const externals = list.filter((c) => c.kind === 'external');
  const isCurrent = (c: Candidate) => current !== null && current.kind === c.kind && (c.kind === 'user' ? current.userId === c.userId : current.externalId === c.externalId);

  const toInput = (v: Values): Input<'coordinators.assign'> | null => {
    const common = { caseId, type: v.type, startDate: v.startDate, handoverNote: handsOver(v.who) ? v.handoverNote.trim() : '' };
    if (v.who === OTHER) {
      return { ...common, who: { kind: 'external', externalId: null, name: v.name.trim(), organisation: v.organisation.trim(), profession: v.profession === '' ? null : (v.profession as Profession), contact: v.contact.trim() } };
    }
    const c = list.find((x) => candidateKey(x) === v.who);
    if (!c) return null;
    if (c.kind === 'user' && c.userId) return { ...common, who: { kind: 'user', userId: c.userId } };
    return { ...common, who: { kind: 'external', externalId: c.externalId, name: c.name, organisation: c.organisation, profession: c.profession, contact: v.contact.trim() } };
  };

  const submit = form.onSubmit((v) => {
    // Checked here rather than in `validate`: it depends on the candidate list, which loads later.
    if (handsOver(v.who) && v.handoverNote.trim() === '') return form.setFieldError('handoverNote', t('coordination.handoverRequired'));
    const input = toInput(v);
    if (!input) return form.setFieldError('who', t('coordination.chooseSomeone'));
    assign.mutate(input, {
      onSuccess: (c) => {
        form.reset();
        onSaved(c.current?.name ?? '');
      },
      onError: (e) => {
        if (e instanceof AppError && e.code === 'handover_note_required') form.setFieldError('handoverNote', errorText(t, e));
        if (e instanceof AppError && e.code === 'coordinator_inactive') form.setFieldError('who', errorText(t, e));
      },
    });
  });

  const option = (c: Candidate) => {
    const about = [c.profession ? t(`professions.${c.profession}`) : '', c.organisation, t('coordination.caseload', { count: c.caseload })];
    if (isCurrent(c)) about.push(t('coordination.isCurrent'));
    if (!c.active) about.push(t('coordination.inactive'));
    return <Radio key={candidateKey(c)} value={candidateKey(c)} label={c.name} description={about.filter((s) => s.trim() !== '').join(' · ')} disabled={!c.active} />;
  };

  return (
    <section aria-labelledby="coordinator-pick">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} size="h4" id="coordinator-pick" ref={headingRef} tabIndex={-1}>{replacing ? t('coordination.changeTitle') : t('coordination.pickTitle')}</Title>
          {candidates.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
          {candidates.isError && <ErrorAlert error={candidates.error} />}
          <Radio.Group label={t('coordination.who')} description={t('coordination.whoHint')} withAsterisk {...form.getInputProps('who')}>
            <Stack gap="sm" mt="xs">
              {members.length > 0 && <Text fw={700} size="sm">{t('coordination.teamMembers')}</Text>}
              {members.map(option)}
              {externals.length > 0 && <Text fw={700} size="sm" mt="xs">{t('coordination.externals')}</Text>}
              {externals.map(option)}
              <Radio value={OTHER} label={t('coordination.someoneElse')} description={t('coordination.someoneElseHint')} mt="xs" />
            </Stack>
          </Radio.Group>
          {form.values.who === OTHER && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('coordination.name')} withAsterisk maxLength={PLAN_LIMITS.short} {...form.getInputProps('name')} />
              <TextInput label={t('coordination.organisation')} maxLength={PLAN_LIMITS.short} {...form.getInputProps('organisation')} />
              <NativeSelect
                label={t('coordination.profession')}
                data={[{ value: '', label: t('coordination.professionNotGiven') }, ...PROFESSIONS.map((p) => ({ value: p, label: t(`professions.${p}`) }))]}
                {...form.getInputProps('profession')}
              />
              <TextInput label={t('coordination.contact')} description={t('coordination.contactHint')} maxLength={PLAN_LIMITS.short} {...form.getInputProps('contact')} />
            </SimpleGrid>
          )}
          {form.values.who.startsWith('external:') && (
            <TextInput label={t('coordination.contact')} description={t('coordination.contactHint')} maxLength={PLAN_LIMITS.short} w={360} {...form.getInputProps('contact')} />
          )}
          <Radio.Group label={t('coordination.type')} withAsterisk {...form.getInputProps('type')}>
            <Group gap="lg" mt={6}>
              {COORDINATOR_TYPES.map((ty) => (
                <Radio key={ty} value={ty} label={t(`coordination.types.${ty}`)} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput type="date" label={t('coordination.startDate')} withAsterisk w={220} {...form.getInputProps('startDate')} />
          {handsOver(form.values.who) && current && (
            <Textarea
              label={t('coordination.handoverNote')}
              description={t('coordination.handoverHint', { name: current.name })}
              withAsterisk
              aria-required
              autosize
              minRows={3}
              maxLength={PLAN_LIMITS.text}
              {...form.getInputProps('handoverNote')}
            />
          )}
          {assign.isError && <ErrorAlert error={assign.error} />}
          <Group>
            <Button type="submit" loading={assign.isPending}>{t('coordination.save')}</Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </section>
  );
}

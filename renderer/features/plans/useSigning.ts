/**
 * Data for steps 9 and 10 beyond what usePlan.ts offers: the calls that carry a password, the
 * coordinator queries and the coordinator's worklist.
 *
 * A password never becomes a mutation's `variables` (TanStack keeps those in its cache for minutes
 * and in devtools): the dialog hands it over with `submit`, the call reads it from a ref once and
 * the ref is emptied before the request leaves.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { Input, PlanVersion } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { invoke, onEvent } from '../../api/client';
import { planKeys, usePlanEvents } from './usePlan';

/** Takes a version the backend answered with into the cache (as usePlanMutation does). */
export function acceptVersion(queryClient: QueryClient, caseId: string, v: PlanVersion): void {
  const take = (old: PlanVersion | undefined) => (old && (old.version > v.version || (old.version === v.version && old.updatedAt > v.updatedAt)) ? old : v);
  queryClient.setQueryData<PlanVersion>(planKeys.version(caseId, v.version), take);
  queryClient.setQueryData<PlanVersion>(planKeys.version(caseId, 'newest'), take);
  void queryClient.invalidateQueries({ queryKey: planKeys.forCase(caseId) });
}

type SecretChannel = 'plans.sign' | 'plans.confirm' | 'plans.clientSign';
type SecretField<K extends SecretChannel> = K extends 'plans.sign' ? 'password' : 'chairPassword';
export type SecretInput<K extends SecretChannel> = Omit<Input<K>, SecretField<K>>;

/** A refusal that says nothing about the version itself: the dialog stays as it is. */
const passwordRefusal = (e: unknown) => e instanceof AppError && (e.code === 'wrong_password' || e.code === 'too_many_attempts');

/**
 * A signature call (own password, or the chair's). `submit(input, password, callbacks)` is the only
 * way in. Any other refusal (signed already, version reopened elsewhere) reads the plan again.
 */
export function useSecretPlanMutation<K extends SecretChannel>(caseId: string, channel: K) {
  const queryClient = useQueryClient();
  const secret = useRef('');
  const field = channel === 'plans.sign' ? 'password' : 'chairPassword';
  const mutation = useMutation({
    mutationFn: (input: SecretInput<K>) => {
      const password = secret.current;
      secret.current = '';
      return invoke(channel, { ...input, [field]: password } as unknown as Input<K>) as Promise<PlanVersion>;
    },
    onSuccess: (v: PlanVersion) => acceptVersion(queryClient, caseId, v),
    onError: (e) => {
      if (!passwordRefusal(e)) void queryClient.invalidateQueries({ queryKey: planKeys.all(caseId) });
    },
  });
  const { mutate } = mutation;
  const submit = useCallback(
    (input: SecretInput<K>, password: string, callbacks?: { onSuccess?: (v: PlanVersion) => void; onError?: (e: unknown) => void }) => {
      secret.current = password;
      mutate(input, callbacks);
    },
    [mutate],
  );
  return { ...mutation, submit };
}

/** Details of a `wrong_password` refusal: which attempt this was, of how many. */
export function attemptsOf(err: unknown): { attempt: number; max: number } | null {
  if (!(err instanceof AppError) || err.code !== 'wrong_password') return null;
  const attempts = err.details?.['attempts'];
  const max = err.details?.['max'];
  return typeof attempts === 'number' && typeof max === 'number' ? { attempt: attempts, max } : null;
}

export function useCoordination(caseId: string) {
  usePlanEvents(caseId);
  return useQuery({ queryKey: planKeys.coordination(caseId), queryFn: () => invoke('coordinators.forCase', { caseId }) });
}

export function useCandidates(caseId: string, enabled: boolean) {
  return useQuery({ queryKey: planKeys.candidates(caseId), queryFn: () => invoke('coordinators.candidates', { caseId }), enabled });
}

/** Names the coordinator; caseloads, the plan's problems (coordinator missing) and worklists change with it. */
export function useAssignCoordinator(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'coordinators.assign'>) => invoke('coordinators.assign', input),
    onSuccess: (c) => {
      queryClient.setQueryData(planKeys.coordination(caseId), c);
      void queryClient.invalidateQueries({ queryKey: planKeys.candidates(caseId) });
      void queryClient.invalidateQueries({ queryKey: [...planKeys.all(caseId), 'version'] });
      void queryClient.invalidateQueries({ queryKey: planKeys.worklist() });
    },
  });
}

/** The signed-in user's clients as coordinator; read again whenever any plan or coordinator changes. */
export function useCoordinatorWorklist() {
  const queryClient = useQueryClient();
  useEffect(() => onEvent('plans.changed', () => void queryClient.invalidateQueries({ queryKey: planKeys.worklist() })), [queryClient]);
  return useQuery({ queryKey: planKeys.worklist(), queryFn: () => invoke('coordinators.worklist', {}) });
}

/**
 * The plan's data for one case, shared by the session's steps 8–10 and the plan view outside
 * meetings: one query per case (the newest version, or a chosen one), refetched when another window
 * says the plan changed, and a mutation helper that takes the backend's answer (always the whole
 * version) into the cache as it is.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Channel, Input, Output, PlanVersion } from '../../../shared/api/contract';
import { invoke, onEvent } from '../../api/client';
import { CATALOGUE_KEY } from '../admin/CataloguePanel';

export const planKeys = {
  all: (caseId: string) => ['plans', caseId] as const,
  forCase: (caseId: string) => ['plans', caseId, 'summary'] as const,
  version: (caseId: string, version: number | 'newest') => ['plans', caseId, 'version', version] as const,
  coordination: (caseId: string) => ['plans', caseId, 'coordination'] as const,
  candidates: (caseId: string) => ['plans', caseId, 'candidates'] as const,
  worklist: () => ['coordinators.worklist'] as const,
};

/** Refetches everything of this case's plan when the backend says it changed (another window). */
export function usePlanEvents(caseId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => onEvent('plans.changed', (p) => p.caseId === caseId && void queryClient.invalidateQueries({ queryKey: planKeys.all(caseId) })), [caseId, queryClient]);
}

export function useCasePlan(caseId: string) {
  usePlanEvents(caseId);
  return useQuery({ queryKey: planKeys.forCase(caseId), queryFn: () => invoke('plans.forCase', { caseId }) });
}

/** A version of the case's plan; `enabled` false until the case has a plan. */
export function usePlanVersion(caseId: string, version: number | 'newest', enabled = true) {
  usePlanEvents(caseId);
  return useQuery({
    queryKey: planKeys.version(caseId, version),
    queryFn: () => invoke('plans.get', version === 'newest' ? { caseId } : { caseId, version }),
    enabled,
  });
}

type VersionChannel = { [K in Channel]: Output<K> extends PlanVersion ? K : never }[Channel];

/**
 * A change to a version: the answer replaces the cached version (newest and by number) and the
 * case's version list is read again (a freeze, a lock or a revision changes it).
 */
export function usePlanMutation<K extends VersionChannel>(caseId: string, channel: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<K>) => invoke(channel, input) as Promise<PlanVersion>,
    onSuccess: (v: PlanVersion) => {
      // Two cards saving at once may be answered out of order: an older answer never replaces a newer one.
      const take = (old: PlanVersion | undefined) => (old && (old.version > v.version || (old.version === v.version && old.updatedAt > v.updatedAt)) ? old : v);
      queryClient.setQueryData<PlanVersion>(planKeys.version(caseId, v.version), take);
      queryClient.setQueryData<PlanVersion>(planKeys.version(caseId, 'newest'), take);
      void queryClient.invalidateQueries({ queryKey: planKeys.forCase(caseId) });
    },
  });
}

/** The service catalogue (the admin page's query): services, groups and providers, retired ones included. */
export function useCatalogue() {
  return useQuery({ queryKey: CATALOGUE_KEY, queryFn: () => invoke('catalogue.get', {}), staleTime: 60_000 });
}

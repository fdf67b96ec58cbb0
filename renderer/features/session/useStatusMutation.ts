import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppStatus } from '../../../shared/api/contract';
import { STATUS_KEY } from '../../api/keys';

/** A call that answers with a new AppStatus: on success the whole app follows it. */
export function useStatusMutation<I>(fn: (input: I) => Promise<AppStatus>, onSuccess?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (status) => {
      queryClient.setQueryData(STATUS_KEY, status);
      onSuccess?.();
    },
  });
}

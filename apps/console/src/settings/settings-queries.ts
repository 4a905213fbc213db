import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@console/api/client';
import type { AnswerOf } from '@console/api/operations';

export type AccountSettings = AnswerOf<'getAccountSettings'>;

export const settingsKeys = { account: ['account-settings'] as const };

/** Only asked for where the role may read it (`admin`): others would get 403. */
export function useAccountSettings(enabled: boolean) {
  return useQuery({
    queryKey: settingsKeys.account,
    queryFn: async () => unwrap(await api.GET('/v1/admin/account')),
    enabled,
  });
}

export function useSaveAccountSettings() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (limit: number | null) =>
      unwrap(await api.PATCH('/v1/admin/account', { body: { default_rate_limit_per_minute: limit } })),
    onSuccess: (saved) => queries.setQueryData(settingsKeys.account, saved),
  });
}

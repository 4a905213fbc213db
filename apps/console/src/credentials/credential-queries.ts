import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@console/api/client';
import type { AnswerOf, BodyOf } from '@console/api/operations';

export type Credential = AnswerOf<'listCredentials'>['data'][number];

export const credentialKeys = {
  all: ['credentials'] as const,
  // The same key as the tokens pages' catalogue query: one cached answer for both.
};

export function useCredentials() {
  return useQuery({
    queryKey: credentialKeys.all,
    queryFn: async () => unwrap(await api.GET('/v1/admin/credentials')).data,
  });
}

export function useCreateCredential() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (body: BodyOf<'createCredential'>) => unwrap(await api.POST('/v1/admin/credentials', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: credentialKeys.all }),
  });
}

/** Enable or disable a credential; disabling stops its access tokens everywhere at once. */
export function useSetCredentialEnabled(credentialId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (enabled: boolean) => {
      const params = { params: { path: { id: credentialId } } };
      return unwrap(
        enabled
          ? await api.POST('/v1/admin/credentials/{id}/enable', params)
          : await api.POST('/v1/admin/credentials/{id}/disable', params),
      );
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: credentialKeys.all }),
  });
}

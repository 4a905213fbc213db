import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@console/api/client';
import type { AnswerOf } from '@console/api/operations';

export type ScopeCatalogue = AnswerOf<'getScopeCatalogue'>;

/**
 * `GET /v1/admin/scopes`: scopes with descriptions, presets, campaign permissions and credential
 * scope groups. One query for the token and credential forms; it changes only with a release.
 */
export function useScopeCatalogue() {
  return useQuery({
    queryKey: ['scope-catalogue'] as const,
    queryFn: async () => unwrap(await api.GET('/v1/admin/scopes')),
    staleTime: Infinity,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@console/api/client';
import type { AnswerOf } from '@console/api/operations';

export type QuarantinedPost = AnswerOf<'listQuarantine'>['data'][number];
export type ReleasedPost = AnswerOf<'releaseQuarantinedPost', 201>;

export const quarantineKeys = { all: ['quarantine'] as const };

export function useQuarantine() {
  return useQuery({
    queryKey: quarantineKeys.all,
    queryFn: async () => unwrap(await api.GET('/v1/admin/quarantine')),
  });
}

/** Release: the post becomes a lead, validated like any new one (422 with the API's errors if not). */
export function useRelease() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/v1/admin/quarantine/{id}/release', { params: { path: { id } } })),
    onSuccess: async (released) => {
      await queries.invalidateQueries({ queryKey: quarantineKeys.all });
      // The campaign's lead list has a new lead.
      await queries.invalidateQueries({ queryKey: ['leads', released.lead.campaign_id] });
    },
  });
}

export function useDiscard() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.DELETE('/v1/admin/quarantine/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: quarantineKeys.all }),
  });
}

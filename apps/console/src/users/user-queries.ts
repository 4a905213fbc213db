import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@console/api/client';
import type { AnswerOf, BodyOf } from '@console/api/operations';

export type User = AnswerOf<'listUsers'>['data'][number];
export type InviteBody = BodyOf<'inviteUser'>;

export const userKeys = { all: ['users'] as const };

export function useUsers() {
  return useQuery({
    queryKey: userKeys.all,
    queryFn: async () => unwrap(await api.GET('/v1/admin/users')).data,
  });
}

/** The answer carries `invite_url`, shown once and never kept in the cache. */
export function useInvite() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (body: InviteBody) => unwrap(await api.POST('/v1/admin/users', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useChangeRole() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, role }: { id: string; role: User['role'] }) =>
      unwrap(await api.PATCH('/v1/admin/users/{id}', { params: { path: { id } }, body: { role } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useRemoveUser() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.DELETE('/v1/admin/users/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: userKeys.all }),
  });
}

import { grants } from '@leadgate/auth-core/scopes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from '@console/api/client';
import type { AnswerOf } from '@console/api/operations';
import { ApiError } from '@console/api/problem';

/** `GET /v1/auth/session`, answered by the gateway (API.md §11). */
export type Session = AnswerOf<'getSession'>;

export const SESSION_KEY = ['session'] as const;

/** The signed-in person, or null when signed out. Failures other than 401 are errors. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = unwrap(await api.GET('/v1/auth/session'));
        setCsrfToken(session.csrf_token);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** Whether the signed-in person's role grants `scope` (the API checks again; this only hides controls). */
export function useCan(scope: string): boolean {
  const { data } = useSession();
  return data ? grants(data.scopes, scope) : false;
}

export function useSignIn() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) => unwrap(await api.POST('/v1/auth/login', { body })),
    onSuccess: async () => {
      queries.clear();
      await queries.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useSignOut() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await api.POST('/v1/auth/logout');
      // Already signed out (401) is the outcome we wanted.
      if (result.response.status !== 401) unwrap(result);
    },
    onSettled: () => {
      setCsrfToken(null);
      queries.clear();
      queries.setQueryData(SESSION_KEY, null);
    },
  });
}

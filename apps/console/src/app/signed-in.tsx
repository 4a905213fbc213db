import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { onSessionExpired } from '@console/api/client';
import { SESSION_KEY, useSession } from '@console/session/session';
import { ProblemAlert } from '@console/ui/problem-alert';

/**
 * The pages behind sign-in. A call that answers 401 (signed out elsewhere, idle or past its
 * lifetime) drops the session, and the person lands on the sign-in page, told why, and comes back
 * to where they were after signing in again.
 */
export function SignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const queries = useQueryClient();
  const location = useLocation();
  useEffect(() => {
    onSessionExpired(() => {
      queries.setQueryData(SESSION_KEY, null);
      sessionStorage.setItem('leadgate.signed-out-reason', 'expired');
    });
  }, [queries]);
  if (session.isPending) return <p role="status">Loading…</p>;
  if (session.isError) return <ProblemAlert error={session.error} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

import { isSafeMethod } from '@gateway/edge/safe-methods';
import { RouteAuth } from '@gateway/routing/route-table';

/**
 * Where a console session counts as the caller (API.md §11): sign-out, every admin route, and the
 * partner data API's reads, which the console's lead view uses (a person with `leads:read` reads
 * the account's leads as an account token would). A person never writes leads through the partner
 * API: those writes stay with tokens, whose filters and pinned values they are made for.
 */
export function sessionMayCall(auth: RouteAuth, method: string | undefined): boolean {
  if (auth.kind === 'session') return true;
  return auth.kind === 'bearer' && (auth.accountLevel || isSafeMethod(method));
}

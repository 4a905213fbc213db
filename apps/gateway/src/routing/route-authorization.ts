import { HttpStatus } from '@nestjs/common';
import { grants } from '@leadgate/auth-core';
import { ProblemException } from '@leadgate/service-kit';
import { Caller } from '@gateway/auth/caller';
import { Route } from './route-table';

/**
 * What a valid token may reach (API.md §2): a campaign token only its own campaign (anything else
 * is 404, never revealing that the campaign exists), never the admin API, and every token only
 * routes whose scope it holds (403 insufficient_scope naming the scope).
 */
export function authorizeForRoute(token: Caller, route: Route, params: Record<string, string>): void {
  const campaignId = params['campaignId'];
  if (token.campaign_id !== null && campaignId !== undefined && campaignId !== token.campaign_id) {
    throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such resource.');
  }
  const auth = route.auth;
  if (auth.kind === 'public' || auth.kind === 'session') return;
  const accountLevel = auth.kind === 'client_or_bearer' || (auth.kind === 'bearer' && auth.accountLevel);
  if (accountLevel && token.kind === 'campaign') {
    throw insufficientScope('This call needs an account-level token.', null);
  }
  const scope = auth.scope;
  if (scope !== null && !grants(token.scopes, scope)) {
    throw insufficientScope(`This call needs the ${scope} scope.`, scope);
  }
}

function insufficientScope(detail: string, scope: string | null): ProblemException {
  const challenge = `Bearer realm="leadgate", error="insufficient_scope"${scope ? `, scope="${scope}"` : ''}`;
  return new ProblemException(HttpStatus.FORBIDDEN, 'insufficient_scope', 'Insufficient scope', detail, undefined, {
    'WWW-Authenticate': challenge,
  });
}

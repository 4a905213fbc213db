import { Principal } from '@leadgate/service-kit';

/** The endpoints that honour Idempotency-Key; a key on one of them says nothing about the others. */
export type IdempotentEndpoint = 'create' | 'batch' | 'receiver';

/**
 * Whose key it is (API.md §9: the token, or the credential). An access token keys on its client
 * credential, so a retry with the next hour's access token still finds the first attempt.
 */
export function idempotencyOwner(principal: Principal): string {
  return principal.credential_id ? `credential:${principal.credential_id}` : principal.token_id;
}

/**
 * An Idempotency-Key is scoped to its owner, the endpoint and the campaign it was first used on
 * (API.md §9): the same key anywhere else is a new request. Both the stored key and the lead ids
 * derived from it use this scope, so another campaign or endpoint never finds the first lead.
 */
export function idempotencyScope(principal: Principal, endpoint: IdempotentEndpoint, campaignId: string): string {
  return `${idempotencyOwner(principal)}:${endpoint}:${campaignId}`;
}

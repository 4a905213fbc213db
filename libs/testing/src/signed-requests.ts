import { Principal, PrincipalSigner } from '@leadgate/service-kit';
import { TEST_SIGNING_KEY } from './test-env';

const signer = new PrincipalSigner(TEST_SIGNING_KEY);

export function adminPrincipal(accountId: string, scopes: string[] = ['admin']): Principal {
  return {
    token_id: 'tok_test',
    account_id: accountId,
    kind: 'account',
    scopes,
    campaign_id: null,
    filter_id: null,
    exp: Math.floor(Date.now() / 1000) + 60,
  };
}

/** Calls a service the way the gateway does: with a signed principal for this method and path. */
export async function signedFetch(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  principal: Principal,
  body?: unknown,
): Promise<Response> {
  const path = pathAndQuery.split('?')[0] ?? pathAndQuery;
  const headers: Record<string, string> = { ...signer.sign(method, path, principal) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${baseUrl}${pathAndQuery}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

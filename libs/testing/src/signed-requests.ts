import { bodyDigest, parsePrivateKey, Principal, PrincipalSigner } from '@leadgate/service-kit';
import { TEST_GATEWAY_KEYS, TEST_OPERATOR_KEYS } from './test-env';

/**
 * A signer for a private key (base64 DER PKCS8 or PEM): the principal headers for exactly this
 * method, path with query and body, valid once, for a few seconds. The operator CLI and the benches
 * sign with it too.
 */
export function principalSigner(privateKey: string) {
  const signer = new PrincipalSigner(parsePrivateKey(privateKey));
  return (method: string, pathWithQuery: string, body: string | Buffer | undefined, principal: Principal) =>
    signer.sign({ method, pathWithQuery, bodyDigest: bodyDigest(body) }, principal);
}

const gatewaySigner = principalSigner(TEST_GATEWAY_KEYS.private);
const operatorSigner = principalSigner(TEST_OPERATOR_KEYS.private);

export function adminPrincipal(accountId: string, scopes: string[] = ['admin']): Principal {
  return {
    token_id: 'tok_test',
    account_id: accountId,
    kind: 'account',
    scopes,
    campaign_id: null,
    filter_id: null,
  };
}

/** Principal headers as the gateway signs them, for this method, path with query and body. */
export function gatewaySigned(
  method: string,
  pathWithQuery: string,
  body: string | Buffer | undefined,
  principal: Principal,
): Record<string, string> {
  return gatewaySigner(method, pathWithQuery, body, principal);
}

/** Principal headers as the operator CLI signs them (account bootstrap). */
export function operatorSigned(
  method: string,
  pathWithQuery: string,
  body: string | Buffer | undefined,
  principal: Principal,
): Record<string, string> {
  return operatorSigner(method, pathWithQuery, body, principal);
}

/** Calls a service the way the gateway does: with a principal signed for this request, once. */
export async function signedFetch(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  principal: Principal,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { ...extraHeaders, ...gatewaySigned(method, pathAndQuery, text, principal) };
  if (text !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${baseUrl}${pathAndQuery}`, { method, headers, body: text });
}

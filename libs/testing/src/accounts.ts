import { principalSigner } from './signed-requests';
import { gatewayClient, GatewayClient } from './gateway-client';
import { TEST_OPERATOR_KEYS } from './test-env';
import { waitFor } from './wait-for';

export interface BootstrapSigning {
  /** The operator's private key; the test operator's by default. */
  signingKey?: string;
  /** Who the bootstrap names as its caller (the CLI puts the operator's user name here). */
  tokenId?: string;
  /** The account's first owner, a person who signs in to the console. */
  owner?: { email: string; password: string };
}

export interface BootstrappedAccount {
  account_id: string;
  admin_token: string;
  owner: { id: string; email: string } | null;
}

/** The detail of a problem+json answer, or the answer's text. */
function problemDetail(text: string): string {
  try {
    const detail = (JSON.parse(text) as { detail?: unknown }).detail;
    return typeof detail === 'string' ? detail : text;
  } catch {
    return text;
  }
}

/** POST /internal/accounts on identity, signed by the operator: a new account and its owner token (shown once). */
export async function bootstrapAccount(
  identityUrl: string,
  name: string,
  { signingKey = TEST_OPERATOR_KEYS.private, tokenId = 'operator-test', owner }: BootstrapSigning = {},
): Promise<BootstrappedAccount> {
  const body = JSON.stringify({
    name,
    ...(owner ? { owner_email: owner.email, owner_password: owner.password } : {}),
  });
  const headers = principalSigner(signingKey)('POST', '/internal/accounts', body, {
    token_id: tokenId,
    account_id: 'platform',
    kind: 'service',
    scopes: ['platform:bootstrap'],
    campaign_id: null,
    filter_id: null,
  });
  const response = await fetch(`${identityUrl}/internal/accounts`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`bootstrap failed (${response.status}): ${problemDetail(text)}`);
  return JSON.parse(text) as BootstrappedAccount;
}

export interface AccountSetup extends BootstrapSigning {
  identityUrl: string;
  /** Every gateway the account's owner will call: each must have learned the token from Kafka. */
  gatewayUrls: string[];
}

/** A new account, its owner token, and a gateway client for it that every gateway already accepts. */
export async function setUpAccount(
  name: string,
  { identityUrl, gatewayUrls, ...signing }: AccountSetup,
): Promise<BootstrappedAccount & { admin: GatewayClient }> {
  const account = await bootstrapAccount(identityUrl, name, signing);
  for (const url of gatewayUrls) {
    const owner = gatewayClient(url, account.admin_token);
    await waitFor(`owner token at the gateway ${url}`, async () => (await owner('GET', '/v1/me')).status === 200);
  }
  return { ...account, admin: gatewayClient(gatewayUrls[0], account.admin_token) };
}

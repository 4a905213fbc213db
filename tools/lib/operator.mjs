// Operator access to a running platform: the internal signing key (env or the embedded default's
// .infra file) and account bootstrap through identity, signed with the platform's own signer.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES, serviceUrl } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export function signingKey(env = process.env) {
  if (env.INTERNAL_SIGNING_KEY) return env.INTERNAL_SIGNING_KEY;
  const file = path.join(root, '.infra', 'internal-signing-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error(
    'no INTERNAL_SIGNING_KEY in the environment and no .infra/internal-signing-key (is the platform running?)',
  );
}

/** The platform's PrincipalSigner, from the build that `npm start` made. */
export function principalSigner(key) {
  const built = path.join(root, 'dist/libs/service-kit/src/internal-auth/principal.js');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` or `npm start` first');
  const { PrincipalSigner } = require(built);
  return new PrincipalSigner(key);
}

/** POST /internal/accounts on identity: a new account and its owner token (shown once). */
export async function bootstrapAccount(name, env = process.env) {
  const identity = serviceUrl(
    SERVICES.find((service) => service.app === 'identity'),
    env,
  );
  const headers = principalSigner(signingKey(env)).sign('POST', '/internal/accounts', {
    token_id: `operator:${process.env.USER ?? 'cli'}`,
    account_id: 'platform',
    kind: 'service',
    scopes: ['platform:bootstrap'],
    campaign_id: null,
    filter_id: null,
    exp: Math.floor(Date.now() / 1000) + 30,
  });
  const response = await fetch(`${identity}/internal/accounts`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  const body = await response.json().catch(() => ({}));
  if (response.status !== 201)
    throw new Error(`bootstrap failed (${response.status}): ${body.detail ?? JSON.stringify(body)}`);
  return body;
}

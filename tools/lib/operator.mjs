// Operator access to a running platform: the operator's own Ed25519 signing key (env, a file, or the
// embedded default's .infra/keys) and account bootstrap through identity, signed with it. The
// operator key signs 'service' principals only, and identity alone accepts them (ADR 010).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEY_DIR } from './principal-keys.mjs';
import { SERVICES, serviceUrl } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** OPERATOR_SIGNING_KEY, the file OPERATOR_SIGNING_KEY_FILE names, or the one `npm start` made. */
export function operatorSigningKey(env = process.env) {
  if (env.OPERATOR_SIGNING_KEY) return env.OPERATOR_SIGNING_KEY;
  const file = env.OPERATOR_SIGNING_KEY_FILE ?? path.join(KEY_DIR, 'operator.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error(
    'no OPERATOR_SIGNING_KEY or OPERATOR_SIGNING_KEY_FILE in the environment and no .infra/keys/operator.key (is the platform running?)',
  );
}

/** The platform's signing code, from the build that `npm start` made. */
function serviceKit() {
  const built = path.join(root, 'dist/libs/service-kit/src/internal-auth');
  if (!existsSync(path.join(built, 'principal-signer.js'))) {
    throw new Error('dist/ is missing: run `npm run build` or `npm start` first');
  }
  return {
    ...require(path.join(built, 'principal.js')),
    ...require(path.join(built, 'principal-keys.js')),
    ...require(path.join(built, 'principal-signer.js')),
  };
}

/**
 * A signer for a private key (base64 DER PKCS8 or PEM): `sign(method, pathWithQuery, body, principal)`
 * gives the principal headers for exactly that request, valid once, for a few seconds.
 */
export function principalSigner(privateKey) {
  const kit = serviceKit();
  const signer = new kit.PrincipalSigner(kit.parsePrivateKey(privateKey));
  return {
    sign: (method, pathWithQuery, body, principal) =>
      signer.sign({ method, pathWithQuery, bodyDigest: kit.bodyDigest(body) }, principal),
  };
}

/** POST /internal/accounts on identity: a new account and its owner token (shown once). */
export async function bootstrapAccount(name, env = process.env) {
  const identity = serviceUrl(
    SERVICES.find((service) => service.app === 'identity'),
    env,
  );
  const body = JSON.stringify({ name });
  const headers = principalSigner(operatorSigningKey(env)).sign('POST', '/internal/accounts', body, {
    token_id: `operator:${process.env.USER ?? 'cli'}`.slice(0, 64),
    account_id: 'platform',
    kind: 'service',
    scopes: ['platform:bootstrap'],
    campaign_id: null,
    filter_id: null,
  });
  const response = await fetch(`${identity}/internal/accounts`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status !== 201)
    throw new Error(`bootstrap failed (${response.status}): ${answer.detail ?? JSON.stringify(answer)}`);
  return answer;
}

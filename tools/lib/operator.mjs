// @ts-check
// Operator access to a running platform: the operator's own Ed25519 signing key (env, a file, or the
// embedded default's .infra/keys) and account bootstrap through identity, signed with it. The
// operator key signs 'service' principals only, and identity alone accepts them (ADR 010).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadHarness } from './built.mjs';
import { KEY_DIR } from './principal-keys.mjs';
import { SERVICES, serviceUrl } from './services.mjs';

/** OPERATOR_SIGNING_KEY, the file OPERATOR_SIGNING_KEY_FILE names, or the one `npm start` made. */
export function operatorSigningKey(env = process.env) {
  if (env.OPERATOR_SIGNING_KEY) return env.OPERATOR_SIGNING_KEY;
  const file = env.OPERATOR_SIGNING_KEY_FILE ?? path.join(KEY_DIR, 'operator.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error(
    'no OPERATOR_SIGNING_KEY or OPERATOR_SIGNING_KEY_FILE in the environment and no .infra/keys/operator.key (is the platform running?)',
  );
}

/**
 * POST /internal/accounts on identity, signed with the operator's key (libs/testing's bootstrap, so
 * the CLI and the tests make accounts one way): a new account and its owner token (shown once),
 * and its first owner (a person) when `owner` is given.
 * @param {string} name
 * @param {{ email: string; password: string } | undefined} [owner]
 */
export async function bootstrapAccount(name, owner = undefined, env = process.env) {
  const identity = serviceUrl(
    // Identity is one of the five SERVICES: find() cannot miss it.
    /** @type {import('./services.mjs').Service} */ (SERVICES.find((service) => service.app === 'identity')),
    env,
  );
  const signingKey = operatorSigningKey(env);
  const { bootstrapAccount: bootstrap } = await loadHarness();
  return bootstrap(identity, name, {
    signingKey,
    tokenId: `operator:${process.env.USER ?? 'cli'}`.slice(0, 64),
    owner,
  });
}

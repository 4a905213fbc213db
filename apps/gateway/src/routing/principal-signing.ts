import { ConfigError, encodePublicKey, parsePrivateKey, parsePublicKeys, PrincipalSigner } from '@leadgate/service-kit';
import { readFileSync } from 'node:fs';
import { GatewayConfig } from '@gateway/config';

/**
 * The gateway's signer, from PRINCIPAL_SIGNING_KEY or the file PRINCIPAL_SIGNING_KEY_FILE names. It
 * refuses to start with a key whose public half is not among PRINCIPAL_VERIFY_KEY: the services
 * would refuse every call it signs.
 */
export function principalSignerFrom(config: GatewayConfig): PrincipalSigner {
  const { PRINCIPAL_SIGNING_KEY: inline, PRINCIPAL_SIGNING_KEY_FILE: file } = config;
  if (!inline === !file) {
    throw new ConfigError(['PRINCIPAL_SIGNING_KEY or PRINCIPAL_SIGNING_KEY_FILE: set exactly one']);
  }
  const name = inline ? 'PRINCIPAL_SIGNING_KEY' : 'PRINCIPAL_SIGNING_KEY_FILE';
  let key;
  try {
    key = parsePrivateKey(inline ?? readFileSync(file as string, 'utf8'));
  } catch (error) {
    // The message names the variable, never the key.
    throw new ConfigError([`${name}: not an Ed25519 private key (${(error as Error).message.split('\n')[0]})`]);
  }
  const published = parsePublicKeys(config.PRINCIPAL_VERIFY_KEY).map((publicKey) => encodePublicKey(publicKey));
  if (!published.includes(encodePublicKey(key))) {
    throw new ConfigError([`${name}: its public key is not in PRINCIPAL_VERIFY_KEY, so services would refuse it`]);
  }
  return new PrincipalSigner(key);
}

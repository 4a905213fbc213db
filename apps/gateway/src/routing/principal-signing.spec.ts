import { ConfigError, encodePrivateKey, encodePublicKey, PrincipalSigner } from '@leadgate/service-kit';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GatewayConfig } from '@gateway/config';
import { principalSignerFrom } from './principal-signing';

const pair = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const config = (settings: Partial<GatewayConfig>) =>
  ({ PRINCIPAL_VERIFY_KEY: encodePublicKey(pair.publicKey), ...settings }) as GatewayConfig;

describe('principalSignerFrom', () => {
  it('loads the private key inline or from a file (a mounted Secret)', () => {
    expect(principalSignerFrom(config({ PRINCIPAL_SIGNING_KEY: encodePrivateKey(pair.privateKey) }))).toBeInstanceOf(
      PrincipalSigner,
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'key-')), 'principal-signing.key');
    writeFileSync(file, pair.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(principalSignerFrom(config({ PRINCIPAL_SIGNING_KEY_FILE: file }))).toBeInstanceOf(PrincipalSigner);
  });

  it('refuses none or both, a key that is not Ed25519, and a key the services do not know', () => {
    expect(() => principalSignerFrom(config({}))).toThrow(ConfigError);
    const key = encodePrivateKey(pair.privateKey);
    expect(() => principalSignerFrom(config({ PRINCIPAL_SIGNING_KEY: key, PRINCIPAL_SIGNING_KEY_FILE: '/x' }))).toThrow(
      /exactly one/,
    );
    expect(() => principalSignerFrom(config({ PRINCIPAL_SIGNING_KEY: 'bm90IGEga2V5' }))).toThrow(
      /PRINCIPAL_SIGNING_KEY: not an Ed25519 private key/,
    );
    expect(() => principalSignerFrom(config({ PRINCIPAL_SIGNING_KEY: encodePrivateKey(other.privateKey) }))).toThrow(
      /not in PRINCIPAL_VERIFY_KEY/,
    );
  });
});

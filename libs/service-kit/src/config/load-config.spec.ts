import { generateKeyPairSync } from 'node:crypto';
import { encodePublicKey } from '@leadgate/service-kit/internal-auth/principal-keys';
import { baseConfigSchema, ConfigError, loadConfig } from './load-config';

const key = encodePublicKey(generateKeyPairSync('ed25519').publicKey);

describe('loadConfig', () => {
  it('applies defaults and splits the broker list', () => {
    const config = loadConfig(baseConfigSchema, { PRINCIPAL_VERIFY_KEY: key, KAFKA_BROKERS: 'a:1, b:2' });
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.MONGO_URL).toBe('mongodb://127.0.0.1:27027/');
  });

  it('names every bad variable', () => {
    expect(() => loadConfig(baseConfigSchema, { PRINCIPAL_VERIFY_KEY: 'c2hvcnQ=', KAFKA_BROKERS: 'nope' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig(baseConfigSchema, { PRINCIPAL_VERIFY_KEY: 'c2hvcnQ=', KAFKA_BROKERS: 'nope' });
    } catch (error) {
      expect((error as ConfigError).message).toContain('PRINCIPAL_VERIFY_KEY');
      expect((error as ConfigError).message).toContain('KAFKA_BROKERS');
    }
  });

  it('refuses a verify key that is not an Ed25519 public key, and takes several for a rotation', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    const rsaDer = rsa.export({ format: 'der', type: 'spki' }).toString('base64');
    expect(() => loadConfig(baseConfigSchema, { PRINCIPAL_VERIFY_KEY: rsaDer })).toThrow(
      /PRINCIPAL_VERIFY_KEY.*Ed25519/,
    );
    expect(() => loadConfig(baseConfigSchema, {})).toThrow(/PRINCIPAL_VERIFY_KEY/);
    const other = encodePublicKey(generateKeyPairSync('ed25519').publicKey);
    expect(loadConfig(baseConfigSchema, { PRINCIPAL_VERIFY_KEY: `${key},${other}` }).PRINCIPAL_VERIFY_KEY).toContain(
      other,
    );
  });

  it('keeps the shutdown drain inside the grace period', () => {
    const config = loadConfig(baseConfigSchema, { PRINCIPAL_VERIFY_KEY: key });
    expect(config.SHUTDOWN_DRAIN_MS).toBe(0);
    expect(
      loadConfig(baseConfigSchema, { PRINCIPAL_VERIFY_KEY: key, SHUTDOWN_DRAIN_MS: '5000', SHUTDOWN_GRACE_MS: '15000' })
        .SHUTDOWN_DRAIN_MS,
    ).toBe(5000);
    expect(() =>
      loadConfig(baseConfigSchema, {
        PRINCIPAL_VERIFY_KEY: key,
        SHUTDOWN_DRAIN_MS: '10000',
        SHUTDOWN_GRACE_MS: '10000',
      }),
    ).toThrow(/SHUTDOWN_DRAIN_MS: must be less than SHUTDOWN_GRACE_MS/);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodePublicKey } from '@leadgate/service-kit/internal-auth/principal-keys';
import { kafkaConnectionFromEnv, kafkaConnectionOf } from './kafka-connection';
import { baseConfigSchema, ConfigError, loadConfig } from './load-config';

const PRINCIPAL_VERIFY_KEY = encodePublicKey(generateKeyPairSync('ed25519').publicKey);
const PASSWORD = 'pw-that-must-never-be-printed-7f3a';

let dir: string;
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};
const load = (env: Record<string, string>) => loadConfig(baseConfigSchema, { PRINCIPAL_VERIFY_KEY, ...env });
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'credentials-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Kafka SASL settings', () => {
  it('connect without SASL or TLS when none is set (the embedded broker)', () => {
    const connection = kafkaConnectionOf(load({ KAFKA_BROKERS: 'k:9092', KAFKA_SASL_MECHANISM: '' }));
    expect(connection).toEqual({ brokers: ['k:9092'] });
  });

  it('take the password from the file, which wins over the inline one, without its final line break', () => {
    const config = load({
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'leads',
      KAFKA_SASL_PASSWORD: 'inline-loses',
      KAFKA_SASL_PASSWORD_FILE: file('kafka-password', `${PASSWORD}\n`),
    });
    expect(kafkaConnectionOf(config).sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: 'leads',
      password: PASSWORD,
    });
    expect(
      kafkaConnectionOf(
        load({ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: PASSWORD }),
      ).sasl?.mechanism,
    ).toBe('scram-sha-256');
  });

  it('refuse a mechanism without a username or a password, and credentials without a mechanism', () => {
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_PASSWORD: PASSWORD })).toEqual([
      'KAFKA_SASL_USERNAME: required with KAFKA_SASL_MECHANISM=scram-sha-512',
    ]);
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'u' })).toEqual([
      'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE: required with KAFKA_SASL_MECHANISM=scram-sha-512',
    ]);
    expect(problemsOf({ KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: PASSWORD })).toEqual([
      'KAFKA_SASL_MECHANISM: required when a Kafka username or password is set',
    ]);
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' })[0]).toMatch(
      /^KAFKA_SASL_MECHANISM: .*scram-sha-256.*scram-sha-512/,
    );
  });

  it('refuse a password file that is missing or empty, naming the file and never a password', () => {
    const missing = path.join(dir, 'nope');
    const base = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: PASSWORD };
    expect(problemsOf({ ...base, KAFKA_SASL_PASSWORD_FILE: missing })).toEqual([
      `KAFKA_SASL_PASSWORD_FILE: cannot read ${missing} (ENOENT)`,
    ]);
    const empty = file('empty', '\n');
    expect(problemsOf({ ...base, KAFKA_SASL_PASSWORD_FILE: empty })).toEqual([
      `KAFKA_SASL_PASSWORD_FILE: ${empty} is empty`,
    ]);
  });

  it('never put a secret in a boot error, whatever else is wrong', () => {
    const secretUrl = `mongodb://leads:${PASSWORD}@db:27017/`;
    let message = '';
    try {
      load({
        KAFKA_SASL_PASSWORD: PASSWORD,
        KAFKA_SASL_PASSWORD_FILE: file('pw', PASSWORD),
        MONGO_URL_FILE: file('mongo', `not-a-url ${PASSWORD}`),
        MONGO_URL: secretUrl,
        KAFKA_TLS_CERT_FILE: file('cert', 'x'),
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/KAFKA_SASL_MECHANISM/);
    expect(message).toMatch(/MONGO_URL_FILE/);
    expect(message).not.toContain(PASSWORD);
  });
});

describe('Kafka TLS settings', () => {
  it('use the CA, client certificate and key files when KAFKA_TLS=true, Node defaults without files', () => {
    const config = load({
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: file('ca.pem', 'CA PEM'),
      KAFKA_TLS_CERT_FILE: file('cert.pem', 'CERT PEM'),
      KAFKA_TLS_KEY_FILE: file('key.pem', 'KEY PEM'),
    });
    expect(kafkaConnectionOf(config).ssl).toEqual({ ca: 'CA PEM', cert: 'CERT PEM', key: 'KEY PEM' });
    expect(kafkaConnectionOf(load({ KAFKA_TLS: 'true' })).ssl).toBe(true);
    expect(kafkaConnectionOf(load({ KAFKA_TLS: 'false' })).ssl).toBeUndefined();
  });

  it('refuse TLS files without KAFKA_TLS=true, half a client key pair, and unreadable files', () => {
    const ca = file('ca.pem', 'CA');
    expect(problemsOf({ KAFKA_TLS_CA_FILE: ca })).toEqual([
      'KAFKA_TLS_CA_FILE: set KAFKA_TLS=true too, or the file is not used',
    ]);
    expect(problemsOf({ KAFKA_TLS: 'true', KAFKA_TLS_CERT_FILE: file('c.pem', 'C') })).toEqual([
      'KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE: set both (mutual TLS) or neither',
    ]);
    const missing = path.join(dir, 'missing.pem');
    expect(problemsOf({ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: missing })).toEqual([
      `KAFKA_TLS_CA_FILE: cannot read ${missing} (ENOENT)`,
    ]);
    expect(problemsOf({ KAFKA_TLS: 'yes' })[0]).toMatch(/^KAFKA_TLS: /);
  });
});

describe('MONGO_URL_FILE', () => {
  it('wins over MONGO_URL, trimmed, and must hold a mongodb:// URL', () => {
    const url = `mongodb://leads:${PASSWORD}@db-0:27017,db-1:27017/?replicaSet=rs0&tls=true`;
    expect(load({ MONGO_URL: 'mongodb://other:1/', MONGO_URL_FILE: file('mongo-url', `${url}\n`) }).MONGO_URL).toBe(
      url,
    );
    const bad = file('bad', 'postgres://x');
    expect(problemsOf({ MONGO_URL_FILE: bad })).toEqual([`MONGO_URL_FILE: ${bad} does not hold a mongodb:// URL`]);
  });
});

describe('kafkaConnectionFromEnv (the tools)', () => {
  it('checks the same settings as a service, brokers included', () => {
    expect(
      kafkaConnectionFromEnv({
        KAFKA_BROKERS: 'a:1,b:2',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'cli',
        KAFKA_SASL_PASSWORD_FILE: file('pw', PASSWORD),
        KAFKA_TLS: 'true',
      }),
    ).toEqual({
      brokers: ['a:1', 'b:2'],
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'cli', password: PASSWORD },
    });
    expect(() => kafkaConnectionFromEnv({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(/KAFKA_SASL_USERNAME/);
    expect(() => kafkaConnectionFromEnv({ KAFKA_BROKERS: 'nope' })).toThrow(/KAFKA_BROKERS/);
  });
});

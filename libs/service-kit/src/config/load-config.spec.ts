import { baseConfigSchema, ConfigError, loadConfig } from './load-config';

const key = 'k'.repeat(32);

describe('loadConfig', () => {
  it('applies defaults and splits the broker list', () => {
    const config = loadConfig(baseConfigSchema, { INTERNAL_SIGNING_KEY: key, KAFKA_BROKERS: 'a:1, b:2' });
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.MONGO_URL).toBe('mongodb://127.0.0.1:27027/');
  });

  it('names every bad variable', () => {
    expect(() => loadConfig(baseConfigSchema, { INTERNAL_SIGNING_KEY: 'short', KAFKA_BROKERS: 'nope' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig(baseConfigSchema, { INTERNAL_SIGNING_KEY: 'short', KAFKA_BROKERS: 'nope' });
    } catch (error) {
      expect((error as ConfigError).message).toContain('INTERNAL_SIGNING_KEY');
      expect((error as ConfigError).message).toContain('KAFKA_BROKERS');
    }
  });

  it('keeps the shutdown drain inside the grace period', () => {
    const config = loadConfig(baseConfigSchema, { INTERNAL_SIGNING_KEY: key });
    expect(config.SHUTDOWN_DRAIN_MS).toBe(0);
    expect(
      loadConfig(baseConfigSchema, { INTERNAL_SIGNING_KEY: key, SHUTDOWN_DRAIN_MS: '5000', SHUTDOWN_GRACE_MS: '15000' })
        .SHUTDOWN_DRAIN_MS,
    ).toBe(5000);
    expect(() =>
      loadConfig(baseConfigSchema, {
        INTERNAL_SIGNING_KEY: key,
        SHUTDOWN_DRAIN_MS: '10000',
        SHUTDOWN_GRACE_MS: '10000',
      }),
    ).toThrow(/SHUTDOWN_DRAIN_MS: must be less than SHUTDOWN_GRACE_MS/);
  });
});

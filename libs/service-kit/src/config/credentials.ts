import { accessSync, constants, readFileSync } from 'node:fs';
import { z } from 'zod';

/** An empty variable (`KAFKA_SASL_MECHANISM=` in a .env) counts as unset. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const KAFKA_SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512'] as const;

/**
 * How the services reach Kafka and MongoDB with credentials (ADR 022). Secrets may come from files
 * (a mounted Secret): a `_FILE` variable wins over the inline one and is read once, at boot.
 */
export const credentialsConfigShape = {
  /** SASL mechanism; unset: no authentication (the embedded development broker). */
  KAFKA_SASL_MECHANISM: optional(z.enum(KAFKA_SASL_MECHANISMS)),
  KAFKA_SASL_USERNAME: optional(z.string()),
  KAFKA_SASL_PASSWORD: optional(z.string()),
  KAFKA_SASL_PASSWORD_FILE: optional(z.string()),
  /** TLS to the brokers; the CA file when the brokers' certificates are not signed by a public CA. */
  KAFKA_TLS: z
    .preprocess((value) => (value === '' ? undefined : value), z.enum(['true', 'false']).default('false'))
    .transform((value) => value === 'true'),
  KAFKA_TLS_CA_FILE: optional(z.string()),
  /** A client certificate and its key (PEM) for brokers that require mutual TLS; both or neither. */
  KAFKA_TLS_CERT_FILE: optional(z.string()),
  KAFKA_TLS_KEY_FILE: optional(z.string()),
  /** A file holding MONGO_URL (credentials and tls=true go in the URI); wins over MONGO_URL. */
  MONGO_URL_FILE: optional(z.string()),
};

export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

export interface CredentialsConfig {
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
  KAFKA_SASL_PASSWORD_FILE?: string | undefined;
  KAFKA_TLS: boolean;
  KAFKA_TLS_CA_FILE?: string | undefined;
  KAFKA_TLS_CERT_FILE?: string | undefined;
  KAFKA_TLS_KEY_FILE?: string | undefined;
  MONGO_URL?: string | undefined;
  MONGO_URL_FILE?: string | undefined;
}

/** What a secret file holds: its text without the line break `echo` or an editor leaves at the end. */
function secretFrom(file: string): string {
  return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
}

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0] ?? 'unreadable';
}

/**
 * Reads the secret files into their inline variables (in place) and checks the settings together.
 * Returns the problems, each naming its variable and never a secret's value: they reach the boot log.
 */
export function resolveCredentials(config: CredentialsConfig): string[] {
  const problems: string[] = [];
  const read = (variable: keyof CredentialsConfig, file: string): string | undefined => {
    try {
      const value = secretFrom(file);
      if (value.trim() === '') problems.push(`${variable}: ${file} is empty`);
      return value;
    } catch (error) {
      problems.push(`${variable}: cannot read ${file} (${reason(error)})`);
      return undefined;
    }
  };

  if (config.KAFKA_SASL_PASSWORD_FILE) {
    config.KAFKA_SASL_PASSWORD = read('KAFKA_SASL_PASSWORD_FILE', config.KAFKA_SASL_PASSWORD_FILE);
  }
  if (config.MONGO_URL_FILE) {
    const url = read('MONGO_URL_FILE', config.MONGO_URL_FILE);
    if (url !== undefined && !/^mongodb(\+srv)?:\/\//.test(url.trim())) {
      problems.push(`MONGO_URL_FILE: ${config.MONGO_URL_FILE} does not hold a mongodb:// URL`);
    } else if (url !== undefined) {
      config.MONGO_URL = url.trim();
    }
  }

  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (mechanism) {
    if (!username) problems.push(`KAFKA_SASL_USERNAME: required with KAFKA_SASL_MECHANISM=${mechanism}`);
    if (!password && !config.KAFKA_SASL_PASSWORD_FILE) {
      problems.push(`KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE: required with KAFKA_SASL_MECHANISM=${mechanism}`);
    }
  } else if (username || password || config.KAFKA_SASL_PASSWORD_FILE) {
    // Credentials without a mechanism would silently connect unauthenticated: refuse instead.
    problems.push('KAFKA_SASL_MECHANISM: required when a Kafka username or password is set');
  }

  const tlsFiles = ['KAFKA_TLS_CA_FILE', 'KAFKA_TLS_CERT_FILE', 'KAFKA_TLS_KEY_FILE'] as const;
  for (const variable of tlsFiles) {
    const file = config[variable];
    if (!file) continue;
    if (!config.KAFKA_TLS) problems.push(`${variable}: set KAFKA_TLS=true too, or the file is not used`);
    try {
      accessSync(file, constants.R_OK);
    } catch (error) {
      problems.push(`${variable}: cannot read ${file} (${reason(error)})`);
    }
  }
  if (!config.KAFKA_TLS_CERT_FILE !== !config.KAFKA_TLS_KEY_FILE) {
    problems.push('KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE: set both (mutual TLS) or neither');
  }
  return problems;
}

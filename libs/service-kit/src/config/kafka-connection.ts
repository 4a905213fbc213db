import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { credentialsConfigShape, CredentialsConfig, KafkaSaslMechanism, resolveCredentials } from './credentials';
import { ConfigError, kafkaBrokersSchema } from './load-config';

/**
 * The connection part of a kafkajs client's options (`new Kafka({ clientId, ...connection })`),
 * typed here without kafkajs so the tools and every service build it the same way.
 */
export interface KafkaConnection {
  brokers: string[];
  ssl?: { ca?: string; cert?: string; key?: string } | true;
  sasl?: KafkaSasl;
}

/** One member per mechanism, as kafkajs types its SASL options. */
export type KafkaSasl = {
  [M in KafkaSaslMechanism]: { mechanism: M; username: string; password: string };
}[KafkaSaslMechanism];

/**
 * kafkajs options from validated settings (resolveCredentials ran: the password file is read). The
 * TLS files are read here, once per client set-up; Node's default CAs apply when no CA file is given.
 */
export function kafkaConnectionOf(config: CredentialsConfig & { KAFKA_BROKERS: string[] }): KafkaConnection {
  const connection: KafkaConnection = { brokers: config.KAFKA_BROKERS };
  if (config.KAFKA_TLS) {
    const { KAFKA_TLS_CA_FILE: ca, KAFKA_TLS_CERT_FILE: cert, KAFKA_TLS_KEY_FILE: key } = config;
    connection.ssl =
      ca || cert || key
        ? {
            ...(ca ? { ca: readFileSync(ca, 'utf8') } : {}),
            ...(cert ? { cert: readFileSync(cert, 'utf8') } : {}),
            ...(key ? { key: readFileSync(key, 'utf8') } : {}),
          }
        : true;
  }
  if (config.KAFKA_SASL_MECHANISM) {
    connection.sasl = {
      mechanism: config.KAFKA_SASL_MECHANISM,
      username: config.KAFKA_SASL_USERNAME ?? '',
      password: config.KAFKA_SASL_PASSWORD ?? '',
    };
  }
  return connection;
}

const toolSchema = z.object({ KAFKA_BROKERS: kafkaBrokersSchema, ...credentialsConfigShape });

/**
 * The same settings for tools that are no service (the CLI, the event consumer example, bench
 * helpers): KAFKA_BROKERS and the credential variables from `env`, checked the way a service checks
 * them at boot. Throws a ConfigError naming each bad variable, never a secret.
 */
export function kafkaConnectionFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaConnection {
  const parsed = toolSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const problems = resolveCredentials(parsed.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return kafkaConnectionOf(parsed.data);
}

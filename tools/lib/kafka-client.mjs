// @ts-check
// Every kafkajs client the tools make (CLI, event consumer example, bench and drill watchers): the
// brokers, TLS and SASL come from the same variables, with the same checks, as a service's
// (libs/service-kit kafkaConnectionFromEnv, ADR 022). A bad setting stops the tool with the
// variable's name, never a secret.
import { createRequire } from 'node:module';
import { loadBuilt } from './built.mjs';

const require = createRequire(import.meta.url);

/**
 * @param {{ clientId: string; env?: NodeJS.ProcessEnv; quiet?: boolean }} options
 *   env: where KAFKA_BROKERS and the KAFKA_SASL_* / KAFKA_TLS* settings are read (default the
 *   process's); a bench passes the embedded infrastructure's, whose broker takes no credentials.
 *   quiet: no kafkajs log lines at all (default: errors only).
 * @returns {Promise<import('kafkajs').Kafka>}
 */
export async function kafkaClient({ clientId, env = process.env, quiet = false }) {
  /** @type {typeof import('../../libs/service-kit/src/config/kafka-connection.js')} */
  const { kafkaConnectionFromEnv } = await loadBuilt('libs/service-kit/src/config/kafka-connection.js');
  const { Kafka, logLevel } = require('kafkajs');
  return new Kafka({
    clientId,
    ...kafkaConnectionFromEnv(env),
    logLevel: quiet ? logLevel.NOTHING : logLevel.ERROR,
  });
}

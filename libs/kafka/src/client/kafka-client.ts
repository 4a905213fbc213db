import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { KafkaConnection } from '@leadgate/service-kit';
import { Logger } from 'pino';

/** The brokers, and TLS and SASL when the settings ask for them (kafkaConnectionOf, ADR 022). */
export interface KafkaClientOptions extends KafkaConnection {
  clientId: string;
  logger: Logger;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** The process's Kafka client (injected as KAFKA_CLIENT): code outside this library names kafkajs through it. */
export type KafkaClient = Kafka;

/** One kafkajs client per process; its own log lines go through our JSON logger. */
export function createKafkaClient(options: KafkaClientOptions): KafkaClient {
  const kafkaLogger = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...(options.ssl ? { ssl: options.ssl } : {}),
    ...(options.sasl ? { sasl: options.sasl } : {}),
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...rest } = log;
        // We bound producer retries on purpose (a publish must answer within a deadline); the
        // idempotent producer still never duplicates within a session, so this warning is noise.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        kafkaLogger[LEVELS[level] ?? 'info'](rest, message);
      },
  });
}

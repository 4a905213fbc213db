import { INestApplication } from '@nestjs/common';
import { ReadinessRegistry, ROOT_LOGGER, ServiceInfo } from '@leadgate/observability';
import { BaseConfig, KafkaConnection, SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { KAFKA_CONNECTION } from '@leadgate/kafka/nest/kafka.tokens';
import { KafkaEventServer } from './kafka-event-server';

export interface EventConsumersOptions {
  /** The service's consumer group: one replica handles each event (KAFKA_GROUP_SUFFIX is appended). */
  groupId: string;
}

/**
 * Makes the app hybrid: its `@OnTopicEvent` handlers consume through Nest's Kafka transport in one
 * consumer group. Call it once modules are initialised (topics exist, the dead-letter producer is
 * connected) and before HTTP listens. The service is ready only while the consumer is connected.
 * At shutdown Nest closes the consumer after the destroy hooks and before the shutdown hooks, so
 * the last events are handled and committed while the producer and the database are still open.
 */
export async function startEventConsumers(app: INestApplication, options: EventConsumersOptions): Promise<void> {
  const config = app.get<BaseConfig>(SERVICE_CONFIG);
  const info = app.get(ServiceInfo);
  const groupId = `${options.groupId}${config.KAFKA_GROUP_SUFFIX}`;
  const server = new KafkaEventServer({
    connection: app.get<KafkaConnection>(KAFKA_CONNECTION),
    clientId: `${info.instanceId}.events`,
    groupId,
    // A suffixed group is a test platform's throwaway: it skips the history other runs left on the
    // shared topic (replaying it takes minutes of writes) and starts at the end.
    fromBeginning: config.KAFKA_GROUP_SUFFIX === '',
    logger: app.get<Logger>(ROOT_LOGGER),
  });
  app.connectMicroservice({ strategy: server });
  app.get(ReadinessRegistry).register({
    name: 'kafka_consumer',
    check: async () => {
      const state = server.consumerState;
      return { ready: state.connected && state.joined && !state.crashed, detail: { group: groupId, ...state } };
    },
  });
  await app.startAllMicroservices();
}

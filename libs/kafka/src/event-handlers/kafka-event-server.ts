import { ServerKafka } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { Logger } from 'pino';
import { createKafkaClient } from '@leadgate/kafka/client/kafka-client';

export interface KafkaEventServerOptions {
  brokers: string[];
  clientId: string;
  /** Shared by every replica of the service: each event is handled by one replica. */
  groupId: string;
  /** Where a group without committed offsets starts: the topic's beginning (production) or its end. */
  fromBeginning: boolean;
  logger: Logger;
}

/** Where the consumer of a KafkaEventServer is, for readiness. */
export interface KafkaEventConsumerState {
  connected: boolean;
  joined: boolean;
  crashed: boolean;
}

/**
 * Nest's Kafka transport (ServerKafka) for the `@OnTopicEvent` handlers, set up the way the
 * platform's topics need: the group id exactly as given (no "-server" suffix, so a group keeps its
 * committed offsets), a new group reads from the beginning unless told otherwise, topics are never auto-created, values
 * stay bytes (the contract decodes them, not Nest's JSON guess), and kafkajs logs through our logger.
 */
export class KafkaEventServer extends ServerKafka {
  private readonly state: KafkaEventConsumerState = { connected: false, joined: false, crashed: false };

  constructor(private readonly settings: KafkaEventServerOptions) {
    super({
      postfixId: '',
      client: { clientId: settings.clientId, brokers: settings.brokers },
      consumer: { groupId: settings.groupId, allowAutoTopicCreation: false },
      subscribe: { fromBeginning: settings.fromBeginning },
      parser: { keepBinary: true },
      // The transport's own producer (request-reply answers, unused here) partitions like ours.
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
    });
  }

  get consumerState(): Readonly<KafkaEventConsumerState> {
    return { ...this.state };
  }

  override createClient<T>(): T {
    const { clientId, brokers, logger } = this.settings;
    return createKafkaClient({ clientId, brokers, logger }) as T;
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    if (!consumer) return;
    const { CONNECT, GROUP_JOIN, CRASH, STOP, DISCONNECT } = consumer.events;
    consumer.on(CONNECT, () => Object.assign(this.state, { connected: true, crashed: false }));
    consumer.on(GROUP_JOIN, () => Object.assign(this.state, { joined: true, crashed: false }));
    consumer.on(CRASH, () => Object.assign(this.state, { joined: false, crashed: true }));
    consumer.on(STOP, () => Object.assign(this.state, { joined: false }));
    consumer.on(DISCONNECT, () => Object.assign(this.state, { connected: false, joined: false }));
  }
}

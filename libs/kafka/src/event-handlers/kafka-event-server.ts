import { ServerKafka } from '@nestjs/microservices';
import { ConsumerGroupJoinEvent, EachMessagePayload, Partitioners } from 'kafkajs';
import { KafkaConnection } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { fixKafkajsIdleTimer } from '@leadgate/kafka/kafkajs-fixes/request-queue-idle-timer';
import { createKafkaClient } from '@leadgate/kafka/client/kafka-client';
import { HandledOffsets } from './handled-offsets';

/** How often handled offsets are committed; a replica that dies has at most this much handled again. */
const COMMIT_INTERVAL_MS = 1000;
/** Routes remembered per pattern: the topics a service consumes, a handful (bounded all the same). */
const MAX_CACHED_ROUTES = 256;

export interface KafkaEventServerOptions {
  /** Brokers and credentials, the same as the service's other clients. */
  connection: KafkaConnection;
  clientId: string;
  /** Shared by every replica of the service: each event is handled by one replica. */
  groupId: string;
  /** Where a group without committed offsets starts: the topic's beginning (production) or its end. */
  fromBeginning: boolean;
  logger: Logger;
  /** Default COMMIT_INTERVAL_MS. */
  commitIntervalMs?: number;
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
 * Offsets are committed once a second rather than after every fetched batch (HandledOffsets), and
 * at shutdown; an offset is only committed once its handler returned, so an event is handled at
 * least once (handlers keep a repeat once).
 */
export class KafkaEventServer extends ServerKafka {
  private readonly state: KafkaEventConsumerState = { connected: false, joined: false, crashed: false };
  private readonly handled = new HandledOffsets();
  private commitTimer: NodeJS.Timeout | undefined;
  private committing: Promise<void> = Promise.resolve();
  private readonly routes = new Map<string, string>();

  constructor(private readonly settings: KafkaEventServerOptions) {
    super({
      postfixId: '',
      client: { clientId: settings.clientId, brokers: settings.connection.brokers },
      consumer: { groupId: settings.groupId, allowAutoTopicCreation: false },
      subscribe: { fromBeginning: settings.fromBeginning },
      run: { autoCommit: false },
      parser: { keepBinary: true },
      // The transport's own producer (request-reply answers, unused here) partitions like ours.
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
    });
  }

  get consumerState(): Readonly<KafkaEventConsumerState> {
    return { ...this.state };
  }

  override createClient<T>(): T {
    const { clientId, connection, logger } = this.settings;
    fixKafkajsIdleTimer();
    return createKafkaClient({ clientId, ...connection, logger }) as T;
  }

  /** Nest's handler, then the message counts as handled (a handler that throws leaves it to be read again). */
  override getMessageHandler(): (payload: EachMessagePayload) => Promise<void> {
    const handle = super.getMessageHandler();
    return async (payload) => {
      await handle(payload);
      this.handled.handled(payload.topic, payload.partition, payload.message.offset);
    };
  }

  /**
   * Nest finds a message's handler by its pattern, twice per message, and each time first tries the
   * topic name as JSON: a thrown SyntaxError per lookup, a few percent of a consumer's CPU. The
   * route of a topic never changes, so it is worked out once.
   */
  protected override getRouteFromPattern(pattern: string): string {
    let route = this.routes.get(pattern);
    if (route === undefined) {
      route = super.getRouteFromPattern(pattern);
      if (this.routes.size < MAX_CACHED_ROUTES) this.routes.set(pattern, route);
    }
    return route;
  }

  override async close(): Promise<void> {
    clearInterval(this.commitTimer);
    await this.commitHandled();
    await super.close();
  }

  /** One commit at a time; a failed one gives its offsets back for the next. */
  private commitHandled(): Promise<void> {
    this.committing = this.committing.then(async () => {
      const consumer = this.consumer;
      const offsets = this.handled.take();
      if (!consumer || offsets.length === 0) return;
      try {
        await consumer.commitOffsets(offsets);
      } catch (error) {
        this.handled.restore(offsets);
        this.settings.logger.warn(
          { err: error, group: this.settings.groupId },
          'kafka offset commit failed; will retry',
        );
      }
    });
    return this.committing;
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    if (!consumer) return;
    clearInterval(this.commitTimer);
    this.commitTimer = setInterval(
      () => void this.commitHandled(),
      this.settings.commitIntervalMs ?? COMMIT_INTERVAL_MS,
    );
    this.commitTimer.unref();
    const { CONNECT, GROUP_JOIN, CRASH, STOP, DISCONNECT } = consumer.events;
    consumer.on(CONNECT, () => Object.assign(this.state, { connected: true, crashed: false }));
    consumer.on(GROUP_JOIN, (event: ConsumerGroupJoinEvent) => {
      this.handled.keepOnly(event.payload.memberAssignment);
      Object.assign(this.state, { joined: true, crashed: false });
    });
    consumer.on(CRASH, () => Object.assign(this.state, { joined: false, crashed: true }));
    consumer.on(STOP, () => Object.assign(this.state, { joined: false }));
    consumer.on(DISCONNECT, () => Object.assign(this.state, { connected: false, joined: false }));
  }
}

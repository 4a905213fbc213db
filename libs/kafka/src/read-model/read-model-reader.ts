import { decodePayload, PayloadOf, TopicName } from '@leadgate/contracts';
import { runWithRequestContext } from '@leadgate/observability';
import { createHash, randomUUID } from 'node:crypto';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { withKafkaRetries } from '@leadgate/kafka/client/retry';
import { DeadLetterSink } from '@leadgate/kafka/dead-letter/dead-letter-sink';
import { CatchUpTracker } from './catch-up-tracker';
import { requestIdOf } from './message-headers';

export interface ReadModelChange<T> {
  key: string;
  previous: T | undefined;
  current: T | undefined;
}

export interface ReadModelStatus {
  topic: string;
  group: string;
  entries: number;
  caught_up: boolean;
  lag: number;
  /** Milliseconds since the broker last answered a fetch; the fail-closed bound is checked on it. */
  stale_ms: number | null;
  max_stale_ms: number;
}

export interface ReadModelReaderOptions {
  kafka: Kafka;
  topic: TopicName;
  /** Service and instance make the consumer group unique per replica: every replica sees everything. */
  service: string;
  instanceId: string;
  logger: Logger;
  deadLetter: DeadLetterSink;
  maxStaleMs: number;
}

/**
 * An in-memory copy of a compacted state topic. Reads the topic from the beginning at start, is
 * ready only once it has reached the end offsets seen at start, and then applies changes as they
 * arrive, telling its listeners (cache invalidation) about each one.
 *
 * Each replica uses its own consumer group and commits nothing: a restart rebuilds from the
 * topic, and no committed offsets are left behind for groups that will never come back.
 */
export class ReadModelReader<T extends TopicName> {
  private readonly entries = new Map<string, PayloadOf<T>>();
  private readonly listeners: ((change: ReadModelChange<PayloadOf<T>>) => void)[] = [];
  private readonly consumer: Consumer;
  private readonly group: string;
  private tracker: CatchUpTracker | null = null;
  private lastFetchAt: number | null = null;
  private caughtUpWaiters: (() => void)[] = [];

  constructor(private readonly options: ReadModelReaderOptions) {
    this.group = `${options.service}.read-model.${options.topic}.${options.instanceId}.${randomUUID().slice(0, 8)}`;
    this.consumer = options.kafka.consumer({
      groupId: this.group,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      // A long poll: the broker answers as soon as a change arrives, so this bounds only the idle
      // fetches (one a second per read model, each costing the service and the broker CPU), how
      // fresh "the broker answered" is for the staleness check, and how long stop() waits.
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
    });
    this.consumer.on(this.consumer.events.FETCH, () => (this.lastFetchAt = Date.now()));
  }

  get topic(): TopicName {
    return this.options.topic;
  }

  async start(): Promise<void> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      const offsets = await withKafkaRetries(() => admin.fetchTopicOffsets(this.options.topic));
      this.tracker = new CatchUpTracker(offsets.map(({ partition, high, low }) => ({ partition, high, low })));
    } finally {
      await admin.disconnect();
    }
    if (this.tracker.caughtUp) this.notifyCaughtUp();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await this.consumer.run({ autoCommit: false, eachBatch: (payload) => this.applyBatch(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  get(key: string): PayloadOf<T> | undefined {
    return this.entries.get(key);
  }

  values(): PayloadOf<T>[] {
    return [...this.entries.values()];
  }

  onChange(listener: (change: ReadModelChange<PayloadOf<T>>) => void): void {
    this.listeners.push(listener);
  }

  get caughtUp(): boolean {
    return this.tracker?.caughtUp ?? false;
  }

  /** True when caught up and the broker answered within the staleness bound: safe to authorize from. */
  get fresh(): boolean {
    const stale = this.staleMs;
    return this.caughtUp && stale !== null && stale <= this.options.maxStaleMs;
  }

  /** Resolves once caught up, or rejects after `timeoutMs`. */
  waitUntilCaughtUp(timeoutMs: number): Promise<void> {
    if (this.caughtUp) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.topic} not caught up within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.caughtUpWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  status(): ReadModelStatus {
    return {
      topic: this.topic,
      group: this.group,
      entries: this.entries.size,
      caught_up: this.caughtUp,
      lag: this.tracker?.lag ?? -1,
      stale_ms: this.staleMs,
      max_stale_ms: this.options.maxStaleMs,
    };
  }

  /** SHA-256 of the whole state, key-sorted: equal on two replicas exactly when they hold the same state. */
  fingerprint(): string {
    const hash = createHash('sha256');
    for (const key of [...this.entries.keys()].sort()) hash.update(JSON.stringify([key, this.entries.get(key)]));
    return hash.digest('hex');
  }

  private get staleMs(): number | null {
    return this.lastFetchAt === null ? null : Date.now() - this.lastFetchAt;
  }

  private async applyBatch({ batch, heartbeat }: Pick<EachBatchPayload, 'batch' | 'heartbeat'>): Promise<void> {
    for (const message of batch.messages) {
      const key = message.key?.toString('utf8');
      if (key) {
        await runWithRequestContext({ requestId: requestIdOf(message.headers) ?? 'kafka' }, () =>
          this.applyMessage(key, batch.partition, message),
        );
      }
      this.tracker?.applied(batch.partition, message.offset, batch.highWatermark);
    }
    this.lastFetchAt = Date.now();
    if (this.caughtUp) this.notifyCaughtUp();
    await heartbeat();
  }

  private async applyMessage(key: string, partition: number, message: EachBatchPayload['batch']['messages'][number]) {
    let current: PayloadOf<T> | null;
    try {
      current = decodePayload(this.topic, message.value);
    } catch (error) {
      await this.options.deadLetter.send({ topic: this.topic, partition, message, error: error as Error });
      return;
    }
    const previous = this.entries.get(key);
    if (current === null) this.entries.delete(key);
    else this.entries.set(key, current);
    const change = { key, previous, current: current ?? undefined };
    for (const listener of this.listeners) {
      // A failing listener must not stop the copy from following the topic.
      try {
        listener(change);
      } catch (error) {
        this.options.logger.error({ err: error, topic: this.topic, key }, 'read-model listener failed');
      }
    }
  }

  private notifyCaughtUp(): void {
    const waiters = this.caughtUpWaiters;
    this.caughtUpWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

import { decodePayload, PayloadOf, TopicName } from '@leadgate/contracts';
import { randomUUID } from 'node:crypto';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { withKafkaRetries } from '@leadgate/kafka/client/retry';
import { CatchUpTracker } from '@leadgate/kafka/read-model/catch-up-tracker';

export interface RecentEventsReaderOptions<T extends TopicName> {
  kafka: Kafka;
  topic: T;
  /** Service and instance make the consumer group unique per replica: every replica sees everything. */
  service: string;
  instanceId: string;
  logger: Logger;
  /** Epoch ms to start each partition at: the first record written at or after it. */
  since: () => number;
  /** Called for every decodable record, in partition order; must not throw. */
  onEvent: (payload: PayloadOf<T>) => void;
}

/**
 * Follows an event topic from a recent moment, never from its beginning: a gateway joining the
 * shared rate limits (ADR 027) needs the last minute, not the topic's history. Each replica has its
 * own throwaway consumer group and commits nothing. Caught up once it has read up to the end
 * offsets it saw at start. Undecodable records are skipped with a warning: they carry counts that
 * are stale within a minute, not state worth a dead letter.
 */
export class RecentEventsReader<T extends TopicName> {
  private readonly consumer: Consumer;
  private readonly group: string;
  private tracker: CatchUpTracker | null = null;
  /** Partitions whose seek has not shown yet: records fetched from the end before it do not count as caught up. */
  private readonly seekPending = new Map<number, bigint>();
  private caughtUpWaiters: (() => void)[] = [];

  constructor(private readonly options: RecentEventsReaderOptions<T>) {
    this.group = `${options.service}.recent.${options.topic}.${options.instanceId}.${randomUUID().slice(0, 8)}`;
    this.consumer = options.kafka.consumer({
      groupId: this.group,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      // Records arrive every few tens of ms; an idle fetch still answers soon.
      maxWaitTimeInMs: 100,
      allowAutoTopicCreation: false,
    });
  }

  async start(): Promise<void> {
    const since = this.options.since();
    const admin = this.options.kafka.admin();
    await admin.connect();
    let starts: { partition: number; offset: string }[];
    try {
      const ends = await withKafkaRetries(() => admin.fetchTopicOffsets(this.options.topic));
      // kafkajs answers a partition's end where nothing was written since `since`.
      starts = await withKafkaRetries(() => admin.fetchTopicOffsetsByTimestamp(this.options.topic, since));
      this.tracker = new CatchUpTracker(
        ends.map(({ partition, high }) => ({
          partition,
          high,
          low: starts.find((start) => start.partition === partition)?.offset ?? high,
        })),
      );
    } finally {
      await admin.disconnect();
    }
    for (const { partition, offset } of starts) this.seekPending.set(partition, BigInt(offset));
    if (this.tracker.caughtUp) this.notifyCaughtUp();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: false });
    await this.consumer.run({ autoCommit: false, eachBatch: (payload) => this.applyBatch(payload) });
    // A seek is honoured once the consumer runs; records read twice meanwhile are harmless to idempotent readers.
    for (const { partition, offset } of starts) this.consumer.seek({ topic: this.options.topic, partition, offset });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  get caughtUp(): boolean {
    return this.tracker?.caughtUp ?? false;
  }

  get lag(): number {
    return this.tracker?.lag ?? -1;
  }

  /** Resolves once caught up, or rejects after `timeoutMs`. */
  waitUntilCaughtUp(timeoutMs: number): Promise<void> {
    if (this.caughtUp) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.options.topic} not caught up within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.caughtUpWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async applyBatch({ batch, heartbeat }: Pick<EachBatchPayload, 'batch' | 'heartbeat'>): Promise<void> {
    for (const message of batch.messages) {
      let payload: PayloadOf<T> | null = null;
      try {
        payload = decodePayload(this.options.topic, message.value);
      } catch (error) {
        this.options.logger.warn({ err: error, topic: this.options.topic, offset: message.offset }, 'skipped a record');
      }
      if (payload !== null) this.options.onEvent(payload);
      const seekTo = this.seekPending.get(batch.partition);
      if (seekTo !== undefined && BigInt(message.offset) <= seekTo) this.seekPending.delete(batch.partition);
      if (!this.seekPending.has(batch.partition)) {
        this.tracker?.applied(batch.partition, message.offset, batch.highWatermark);
      }
    }
    if (this.caughtUp) this.notifyCaughtUp();
    await heartbeat();
  }

  private notifyCaughtUp(): void {
    const waiters = this.caughtUpWaiters;
    this.caughtUpWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

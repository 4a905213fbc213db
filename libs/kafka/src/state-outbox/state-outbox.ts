import { HttpStatus } from '@nestjs/common';
import { PayloadOf, TopicName } from '@leadgate/contracts';
import { ProblemException } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { KafkaPublisher } from '@leadgate/kafka/publisher/kafka-publisher';

/** What a state outbox needs from the repository that owns the documents. */
export interface PendingStateStore<D> {
  /** Documents written with their pending mark still set. */
  findPending(limit: number): Promise<D[]>;
  /** Clears the mark, only if the document is still at `version` (a newer write stays pending). */
  markPublished(id: string, version: number): Promise<void>;
}

export interface StateOutboxOptions<T extends TopicName, D> {
  topic: T;
  store: PendingStateStore<D>;
  keyOf: (document: D) => string;
  versionOf: (document: D) => number;
  /** The state to publish for a document, or null for a tombstone (deleted). */
  stateOf: (document: D) => PayloadOf<T> | null;
  publisher: KafkaPublisher;
  logger: Logger;
  sweepIntervalMs: number;
}

/**
 * Keeps a compacted state topic in step with the documents that own the state, without a
 * multi-document transaction: every write stores the document with a pending mark first, then
 * publishes and clears the mark. When the broker is down the periodic sweep publishes what is
 * still pending, so no accepted change is ever missing from the topic. The state is whole, so a
 * repeated publish is harmless.
 */
export class StateOutbox<T extends TopicName, D> {
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(private readonly options: StateOutboxOptions<T, D>) {}

  /**
   * Publishes one stored document. If the broker does not acknowledge, the change stays pending for
   * the sweep and the caller answers 503 `publish_pending`: stored, not yet in effect everywhere.
   */
  async publish(document: D): Promise<void> {
    try {
      await this.publishOrThrow(document);
    } catch (error) {
      this.options.logger.warn({ err: error, topic: this.options.topic }, 'state publish failed; left for the sweep');
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'publish_pending',
        'Stored, not yet in effect',
        'The change was stored; the other services will apply it once the event backbone answers again.',
        undefined,
        { 'Retry-After': String(Math.ceil(this.options.sweepIntervalMs / 1000)) },
      );
    }
  }

  private async publishOrThrow(document: D): Promise<void> {
    const { topic, publisher, store, keyOf, versionOf, stateOf } = this.options;
    await publisher.publish(topic, keyOf(document), stateOf(document));
    await store.markPublished(keyOf(document), versionOf(document));
  }

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.options.sweepIntervalMs);
    this.timer.unref();
    void this.sweep();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Publishes everything still pending; returns how many documents it published. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let published = 0;
    try {
      for (const document of await this.options.store.findPending(100)) {
        await this.publishOrThrow(document);
        published++;
      }
    } catch (error) {
      this.options.logger.warn({ err: error, topic: this.options.topic }, 'state republish failed; will retry');
    } finally {
      this.sweeping = false;
    }
    return published;
  }
}

import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { TopicName } from '@leadgate/contracts';
import { PayloadOf } from '@leadgate/contracts';
import { Logger } from 'pino';
import { KafkaPublisher } from '@leadgate/kafka/publisher/kafka-publisher';
import { PendingStateStore, StateOutbox } from './state-outbox';

export interface StateOutboxDeps {
  publisher: KafkaPublisher;
  logger: Logger;
  sweepIntervalMs: number;
}

/**
 * Base for a service's state publisher: a StateOutbox whose sweep runs while the app runs.
 * Subclasses only say which topic and how a document becomes state.
 */
export abstract class StateOutboxService<T extends TopicName, D extends { _id: string; version: number }>
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private readonly outbox: StateOutbox<T, D>;

  /** Documents are keyed by `_id` and versioned by `version`; `stateOf` returns null for a tombstone. */
  protected constructor(
    topic: T,
    store: PendingStateStore<D>,
    stateOf: (document: D) => PayloadOf<T> | null,
    deps: StateOutboxDeps,
  ) {
    this.outbox = new StateOutbox({
      topic,
      store,
      keyOf: (document) => document._id,
      versionOf: (document) => document.version,
      stateOf,
      ...deps,
    });
  }

  publish(document: D): Promise<void> {
    return this.outbox.publish(document);
  }

  onApplicationBootstrap(): void {
    this.outbox.start();
  }

  onModuleDestroy(): void {
    this.outbox.stop();
  }
}

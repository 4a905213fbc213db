import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { TopicName } from '@leadgate/contracts';
import { StateOutbox, StateOutboxOptions } from './state-outbox';

/**
 * Base for a service's state publisher: a StateOutbox whose sweep runs while the app runs.
 * Subclasses only say which topic and how a document becomes state.
 */
export abstract class StateOutboxService<T extends TopicName, D> implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly outbox: StateOutbox<T, D>;

  protected constructor(options: StateOutboxOptions<T, D>) {
    this.outbox = new StateOutbox(options);
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

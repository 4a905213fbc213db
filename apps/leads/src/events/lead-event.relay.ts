import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaPublisher } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { LeadOutboxEntry } from '@leads/store/lead-outbox.schema';
import { LeadOutboxRepository } from '@leads/store/lead-outbox.repository';
import { LeadStore } from '@leads/store/lead-store.service';
import { LeadsConfig } from '@leads/config';
import { eventRecordsOf } from './lead-event-records';
import { OutboxRemovals } from './outbox-removals';

/**
 * Publishes the outbox to `leads.events.v1` (key = lead id, each lead's changes in version order;
 * one flush per lead at a time in this process), then deletes what it published (a batch at a
 * time, OutboxRemovals). A writer hands
 * over its own entry at once; a periodic sweep publishes what a crash or a broker outage left
 * behind, rolling it forward first. At least once, with stable event ids (the change ids).
 */
@Injectable()
export class LeadEventRelay implements OnApplicationBootstrap, OnModuleDestroy {
  /** Per lead, the last flush that covers it: the next flush of that lead waits for it. */
  private readonly flushing = new Map<string, Promise<boolean>>();
  /** Outbox entries a flush in this process is publishing now: the sweep leaves them alone. */
  private readonly inFlight = new Set<string>();
  private sweeping = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly removals: OutboxRemovals;

  constructor(
    private readonly outbox: LeadOutboxRepository,
    private readonly store: LeadStore,
    private readonly publisher: KafkaPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: LeadsConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.removals = new OutboxRemovals(
      (ids) => this.outbox.removeMany(ids),
      (error, entries) => this.logger.warn({ err: error, entries }, 'published outbox entries not deleted; will retry'),
    );
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.EVENT_RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([...this.flushing.values()]);
    await this.removals.flush();
  }

  /**
   * Publishes creates its writer just committed and applied: no earlier change of these leads can
   * be pending, so the entry in hand is all there is to publish, without reading the outbox.
   */
  publishCreated(entry: LeadOutboxEntry): Promise<boolean> {
    return this.flush([entry], async () => [entry]);
  }

  /**
   * Publishes an update with whatever else of its lead is still pending (a crashed writer's
   * change), read from the outbox, so the lead's events go out in version order.
   */
  publishUpdated(entry: LeadOutboxEntry): Promise<boolean> {
    const leadIds = new Set(entry.changes.map((change) => change.lead_id));
    return this.flush([entry], async () => {
      const pending = await this.outbox.pending();
      const related = pending.filter(
        (other) =>
          other._id !== entry._id &&
          !this.removals.has(other._id) &&
          other.changes.some((change) => leadIds.has(change.lead_id)),
      );
      await this.store.apply(related.flatMap((other) => other.changes));
      return [entry, ...related];
    });
  }

  /**
   * Leaves alone entries younger than the grace period and those being published here: their
   * writer (here or in another replica) is still committing them, and rolling them forward under
   * it would redo its work. All the rest in one flush; if that fails, entry by entry, so one that
   * cannot be published holds back only itself.
   */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const settled = Date.now() - this.config.EVENT_RELAY_GRACE_MS;
      const heads = (await this.outbox.pendingHeads()).filter(
        (head) =>
          Date.parse(head.created_at) <= settled && !this.inFlight.has(head._id) && !this.removals.has(head._id),
      );
      const entries: LeadOutboxEntry[] = [];
      for (const head of heads) {
        const entry = await this.outbox.findById(head._id);
        if (entry) entries.push(entry);
      }
      if (entries.length === 0 || (await this.flushRolledForward(entries))) return;
      for (const entry of entries) await this.flushRolledForward([entry]);
    } catch (error) {
      this.logger.warn({ err: error }, 'lead event sweep failed; will retry');
    } finally {
      this.sweeping = false;
    }
  }

  /** An event is only published for a change that is in its lead: finish what a crash left undone. */
  private flushRolledForward(entries: LeadOutboxEntry[]): Promise<boolean> {
    return this.flush(entries, async () => {
      await this.store.apply(entries.flatMap((entry) => entry.changes));
      return entries;
    });
  }

  /**
   * Starts once every earlier flush of any lead in `entries` is done, and every later flush of one
   * of them waits for this one, so each lead's events stay in order. `collect` answers the entries
   * to publish, ready (applied); they are produced in as few sends as the broker allows, then
   * handed to the removals. False when it failed (logged; the sweep retries).
   */
  private flush(entries: LeadOutboxEntry[], collect: () => Promise<LeadOutboxEntry[]>): Promise<boolean> {
    const leadIds = [...new Set(entries.flatMap((entry) => entry.changes.map((change) => change.lead_id)))];
    for (const entry of entries) this.inFlight.add(entry._id);
    const previous = Promise.all(leadIds.map((id) => this.flushing.get(id) ?? Promise.resolve()));
    const tracked = previous
      .then(async () => {
        const ready = await collect();
        await this.publisher.publishMany(TOPICS.leadEvents, eventRecordsOf(ready.flatMap((entry) => entry.changes)));
        this.removals.add(ready.map((entry) => entry._id));
      })
      .then(
        () => true,
        (error: unknown) => {
          this.logger.warn(
            { err: error, leads: leadIds.length, lead_id: leadIds[0] },
            'lead event publish failed; the sweep will retry',
          );
          return false;
        },
      );
    for (const id of leadIds) this.flushing.set(id, tracked);
    void tracked.then(() => {
      for (const entry of entries) this.inFlight.delete(entry._id);
      for (const id of leadIds) if (this.flushing.get(id) === tracked) this.flushing.delete(id);
    });
    return tracked;
  }
}

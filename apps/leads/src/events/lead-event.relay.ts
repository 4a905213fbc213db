import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaPublisher } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { LeadChangesRepository } from '@leads/store/lead-changes.repository';
import { LeadStore } from '@leads/store/lead-store.service';
import { LeadsConfig } from '@leads/config';
import { eventRecordsOf } from './lead-event-records';

/**
 * Publishes the lead change log to `leads.events.v1`, in version order per lead (key = lead id;
 * one flush per lead at a time in this process), and marks each change published. A write flushes
 * its leads at once; a periodic sweep catches what a crash or a broker outage left behind, rolling
 * forward changes that were claimed but never applied. At least once, with stable event ids.
 */
@Injectable()
export class LeadEventRelay implements OnApplicationBootstrap, OnModuleDestroy {
  /** Per lead, the last flush that covers it: the next flush of that lead waits for it. */
  private readonly flushing = new Map<string, Promise<boolean>>();
  private sweeping = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly changes: LeadChangesRepository,
    private readonly store: LeadStore,
    private readonly publisher: KafkaPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: LeadsConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.EVENT_RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([...this.flushing.values()]);
  }

  /** Publishes a lead's pending changes; concurrent calls for one lead run one after the other. */
  flush(leadId: string): Promise<boolean> {
    return this.flushMany([leadId]);
  }

  /**
   * Publishes the pending changes of many leads with one query, as few sends as the broker allows
   * and one update. Starts once every earlier flush of any of these leads is done, and every later
   * flush of one of them waits for this one, so each lead's events stay in order. False when it
   * failed (logged; the sweep retries).
   */
  flushMany(leadIds: string[]): Promise<boolean> {
    const ids = [...new Set(leadIds)];
    const previous = Promise.all(ids.map((id) => this.flushing.get(id) ?? Promise.resolve()));
    const tracked = previous
      .then(() => this.flushNow(ids))
      .then(
        () => true,
        (error: unknown) => {
          this.logger.warn(
            { err: error, leads: ids.length, lead_id: ids[0] },
            'lead event publish failed; the sweep will retry',
          );
          return false;
        },
      );
    for (const id of ids) this.flushing.set(id, tracked);
    void tracked.then(() => {
      for (const id of ids) if (this.flushing.get(id) === tracked) this.flushing.delete(id);
    });
    return tracked;
  }

  /**
   * Leaves alone changes younger than the grace period and leads being flushed now: their writer
   * (here or in another replica) is still committing and flushing them, and rolling them forward
   * underneath it would redo a whole batch lead by lead. All the rest in one flush; if that fails,
   * lead by lead, so one change that cannot be published holds back only its own lead.
   */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const settled = Date.now() - this.config.EVENT_RELAY_GRACE_MS;
      const pending = await this.changes.unpublished(500);
      const leadIds = pending
        .filter((change) => Date.parse(change.time) <= settled && !this.flushing.has(change.lead_id))
        .map((change) => change.lead_id);
      if (leadIds.length === 0 || (await this.flushMany(leadIds))) return;
      for (const leadId of new Set(leadIds)) await this.flush(leadId);
    } catch (error) {
      this.logger.warn({ err: error }, 'lead event sweep failed; will retry');
    } finally {
      this.sweeping = false;
    }
  }

  private async flushNow(leadIds: string[]): Promise<void> {
    const pending = await this.changes.unpublishedOfMany(leadIds);
    if (pending.length === 0) return;
    // An event is only published for a change that is in the lead: finish what a crash left undone.
    await this.store.rollForwardMany(pending.filter((change) => !change.applied));
    await this.publisher.publishMany(TOPICS.leadEvents, eventRecordsOf(pending));
    await this.changes.markPublishedMany(pending.map((change) => change._id));
  }
}

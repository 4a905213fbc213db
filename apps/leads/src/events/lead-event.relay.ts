import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LeadEventV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { LeadChange } from '../changes/lead-change.schema';
import { LeadChangesRepository } from '../changes/lead-changes.repository';
import { LeadStore } from '../changes/lead-store.service';
import { LeadsConfig } from '../config';
import { toLeadView } from '../leads/lead-view';

export function toCloudEvent(change: LeadChange): LeadEventV1 {
  return {
    specversion: '1.0',
    id: change._id,
    source: `/leadgate/campaigns/${change.lead.campaign_id}/leads`,
    type: change.type,
    subject: change.lead_id,
    time: change.time,
    datacontenttype: 'application/json',
    data: {
      campaign_id: change.lead.campaign_id,
      lead: { ...toLeadView(change.lead) },
      changed: change.changed,
      actor: change.actor,
    },
  };
}

/**
 * Publishes the lead change log to `leads.events.v1`, in version order per lead (key = lead id;
 * one flush per lead at a time in this process), and marks each change published. A write flushes
 * its lead at once; a periodic sweep catches what a crash or a broker outage left behind, rolling
 * forward changes that were claimed but never applied. At least once, with stable event ids.
 */
@Injectable()
export class LeadEventRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly flushing = new Map<string, Promise<void>>();
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
  flush(leadId: string): Promise<void> {
    const previous = this.flushing.get(leadId) ?? Promise.resolve();
    const tracked = previous
      .then(() => this.flushNow(leadId))
      .catch((error: unknown) => {
        this.logger.warn({ err: error, lead_id: leadId }, 'lead event publish failed; the sweep will retry');
      });
    this.flushing.set(leadId, tracked);
    void tracked.then(() => {
      if (this.flushing.get(leadId) === tracked) this.flushing.delete(leadId);
    });
    return tracked;
  }

  async sweep(): Promise<void> {
    try {
      const pending = await this.changes.unpublished(500);
      await Promise.all([...new Set(pending.map((change) => change.lead_id))].map((leadId) => this.flush(leadId)));
    } catch (error) {
      this.logger.warn({ err: error }, 'lead event sweep failed; will retry');
    }
  }

  private async flushNow(leadId: string): Promise<void> {
    const pending = await this.changes.unpublishedOf(leadId);
    // An event is only published for a change that is in the lead: finish what a crash left undone.
    if (pending.some((change) => !change.applied)) await this.store.rollForward(leadId);
    for (const change of pending) {
      await this.publisher.publish(TOPICS.leadEvents, leadId, toCloudEvent(change));
      await this.changes.markPublished(change._id);
    }
  }
}

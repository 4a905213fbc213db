import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LeadEventV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { LeadsConfig } from '../config';
import { LeadDocument, PendingLeadEvent } from '../leads/lead.schema';
import { LeadsRepository } from '../leads/leads.repository';

export function toCloudEvent(lead: Pick<LeadDocument, '_id' | 'campaign_id'>, event: PendingLeadEvent): LeadEventV1 {
  return {
    specversion: '1.0',
    id: event.id,
    source: `/leadgate/campaigns/${lead.campaign_id}/leads`,
    type: event.type,
    subject: lead._id,
    time: event.time,
    datacontenttype: 'application/json',
    data: { campaign_id: lead.campaign_id, lead: event.lead, changed: event.changed, actor: event.actor },
  };
}

/**
 * Moves lead events from each lead's outbox to `leads.events.v1`, in order per lead (key = lead id,
 * one flush per lead at a time in this process), then drops them from the outbox. A write flushes
 * its lead at once; a periodic sweep catches whatever a crash or a broker outage left behind. At
 * least once: a crash between publish and drop republishes with the same event ids.
 */
@Injectable()
export class LeadEventRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly flushing = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly leads: LeadsRepository,
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

  /** Publishes a lead's pending events; concurrent calls for one lead run one after the other. */
  flush(leadId: string): Promise<void> {
    const previous = this.flushing.get(leadId) ?? Promise.resolve();
    const next = previous.then(() => this.flushNow(leadId));
    const tracked = next.catch((error: unknown) => {
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
      const pending = await this.leads.findWithPendingEvents(200);
      await Promise.all(pending.map((lead) => this.flush(lead._id)));
    } catch (error) {
      this.logger.warn({ err: error }, 'lead event sweep failed; will retry');
    }
  }

  private async flushNow(leadId: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const lead = await this.leads.findById(leadId);
      if (!lead || lead.outbox.length === 0) return;
      for (const event of lead.outbox) {
        await this.publisher.publish(TOPICS.leadEvents, lead._id, toCloudEvent(lead, event));
      }
      if (
        await this.leads.clearPublished(
          lead._id,
          lead.version,
          lead.outbox.map((event) => event.id),
        )
      )
        return;
    }
  }
}

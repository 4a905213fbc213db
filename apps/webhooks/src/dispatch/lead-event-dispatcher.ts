import { Inject, Injectable } from '@nestjs/common';
import { LeadEventV1 } from '@leadgate/contracts';
import { ROOT_LOGGER } from '@leadgate/observability';
import { Logger } from 'pino';
import { DeliveriesRepository } from '@webhooks/delivery/deliveries.repository';
import { leadEventJob } from '@webhooks/delivery/delivery-jobs';
import { DELIVERY_CLOCK, DeliveryClock } from '@webhooks/delivery/delivery-clock';
import { DeliveryWorker } from '@webhooks/delivery/delivery-worker';
import { SubscriptionsRepository } from '@webhooks/subscriptions/subscriptions.repository';
import { decideSlice } from './slice-decision';
import { SliceReader } from './slice-reader';

/**
 * One lead event, fanned out to the subscriptions of the lead's account: each decides on the lead
 * after the change and the token as this replica knows it now; a delivery job is stored for each
 * that receives it, before this returns, so the Kafka offset commits only once every job is
 * durable. Stored twice is stored once (one job per event and subscription), so a redelivered
 * message is harmless. Throws (and Kafka redelivers) while the read models are behind.
 */
@Injectable()
export class LeadEventDispatcher {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly slices: SliceReader,
    private readonly worker: DeliveryWorker,
    @Inject(DELIVERY_CLOCK) private readonly clock: DeliveryClock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async dispatch(event: LeadEventV1): Promise<void> {
    const now = this.clock.now();
    this.slices.requireFresh();
    // A campaign unknown to fresh read models (deleted) has no slice anyone may receive.
    const campaign = this.slices.campaign(event.data.campaign_id);
    if (!campaign) return;
    let stored = 0;
    for (const subscription of await this.subscriptions.activeOfAccount(campaign.account_id)) {
      const decision = decideSlice(
        subscription,
        event,
        this.slices.state(subscription.token_id, campaign.id, now),
        this.slices,
      );
      if (!decision.deliver) {
        this.logger.debug({ webhook: subscription._id, event: event.id, reason: decision.reason }, 'webhook skipped');
        continue;
      }
      if (await this.deliveries.store(leadEventJob(subscription, event, new Date(now).toISOString()))) stored += 1;
    }
    if (stored > 0) this.worker.nudge();
  }
}

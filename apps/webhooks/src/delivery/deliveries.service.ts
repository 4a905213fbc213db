import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { SubscriptionAccess } from '@webhooks/subscriptions/subscription-access';
import { DeliveriesRepository } from './deliveries.repository';
import { DELIVERY_CLOCK, DeliveryClock } from './delivery-clock';
import { testEventJob } from './delivery-jobs';
import { DeliveryWorker } from './delivery-worker';
import { deliveryCursor, DeliveryListQuery, DeliveryView, isDeliveryId, toDeliveryView } from './delivery-views';

const deliveryNotFound = () =>
  new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such delivery.');

const notActive = () =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'webhook_disabled',
    'Webhook disabled',
    'The webhook is disabled; enable it before sending to it.',
  );

/** The delivery routes of API.md §12, on a subscription the caller may manage (404 for any other). */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly access: SubscriptionAccess,
    private readonly deliveries: DeliveriesRepository,
    private readonly worker: DeliveryWorker,
    @Inject(DELIVERY_CLOCK) private readonly clock: DeliveryClock,
  ) {}

  async list(
    principal: Principal,
    webhookId: string,
    query: DeliveryListQuery,
  ): Promise<{ data: DeliveryView[]; next_cursor: string | null }> {
    const subscription = await this.access.findFor(principal, webhookId);
    const page = await this.deliveries.listOf(subscription._id, query.limit + 1, query.before);
    const data = page.slice(0, query.limit);
    const last = data.at(-1);
    return {
      data: data.map(toDeliveryView),
      next_cursor: page.length > query.limit && last ? deliveryCursor(last) : null,
    };
  }

  /** Sends one delivery again now; 409 while it is being sent or the webhook is disabled. */
  async retry(principal: Principal, webhookId: string, deliveryId: string): Promise<DeliveryView> {
    const subscription = await this.access.findFor(principal, webhookId);
    if (!isDeliveryId(deliveryId)) throw deliveryNotFound();
    if (subscription.status !== 'active') throw notActive();
    const now = new Date(this.clock.now()).toISOString();
    const queued = await this.deliveries.retryNow(subscription._id, deliveryId, now);
    if (!queued) {
      if (!(await this.deliveries.findOf(subscription._id, deliveryId))) throw deliveryNotFound();
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'delivery_in_flight',
        'Delivery in flight',
        'The delivery is being sent right now.',
      );
    }
    // Its lead's later events may have been moved behind its old time: look at them again now.
    await this.deliveries.bringFollowersForward(queued, now);
    this.worker.nudge();
    return toDeliveryView(queued);
  }

  /** Queues a `webhook.test` event for the webhook; the worker sends it like any other (signed, checked). */
  async test(principal: Principal, webhookId: string): Promise<DeliveryView> {
    const subscription = await this.access.findFor(principal, webhookId);
    if (subscription.status !== 'active') throw notActive();
    const job = testEventJob(subscription, new Date(this.clock.now()).toISOString());
    await this.deliveries.store(job);
    this.worker.nudge();
    return toDeliveryView(job);
  }
}

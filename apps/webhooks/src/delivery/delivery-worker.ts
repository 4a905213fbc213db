import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { WebhooksConfig } from '@webhooks/config';
import { SubscriptionDocument } from '@webhooks/subscriptions/subscription.schema';
import { SubscriptionsRepository } from '@webhooks/subscriptions/subscriptions.repository';
import { DeliveriesRepository } from './deliveries.repository';
import { DELIVERY_CLOCK, DeliveryClock } from './delivery-clock';
import { DeliverySender } from './delivery-sender';
import { DeliveryJob } from './delivery.schema';

const SCAN_LIMIT = 200;
const RETENTION_SWEEP_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Works the queue: due jobs (and those whose worker died mid-delivery: re-sent, receivers
 * de-duplicate by webhook-id), each lead's events in order per subscription (a job waits while an
 * earlier one of its lead is unfinished), at most N in flight per endpoint (URL) from this replica: a slow endpoint
 * holds back its own deliveries, not those of other partners on the same host.
 * Every replica runs one; a claim is decided by a unique insert (DeliveryClaim), so each attempt is made once.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inFlightByEndpoint = new Map<string, number>();
  private readonly sending = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private retentionTimer: NodeJS.Timeout | undefined;
  private scanning = false;
  private rescan = false;
  private stopped = false;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly sender: DeliverySender,
    @Inject(DELIVERY_CLOCK) private readonly clock: DeliveryClock,
    @Inject(SERVICE_CONFIG) private readonly config: WebhooksConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.nudge(), this.config.WEBHOOK_DELIVERY_POLL_MS);
    this.timer.unref();
    this.retentionTimer = setInterval(() => void this.forgetOld(), RETENTION_SWEEP_MS);
    this.retentionTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearInterval(this.retentionTimer);
    await Promise.allSettled([...this.sending]);
  }

  /** Look for due work now (new jobs were stored, or a send finished and frees its endpoint). */
  nudge(): void {
    if (this.stopped) return;
    if (this.scanning) {
      this.rescan = true;
      return;
    }
    this.scanning = true;
    void this.scanUntilQuiet().finally(() => (this.scanning = false));
  }

  /** The delivery log keeps finished jobs for the retention period (any replica may sweep; deleting twice is harmless). */
  private async forgetOld(): Promise<void> {
    const before = new Date(this.clock.now() - this.config.WEBHOOK_DELIVERY_RETENTION_DAYS * DAY_MS).toISOString();
    try {
      await this.deliveries.forgetFinishedBefore(before);
    } catch (error) {
      this.logger.warn({ err: error }, 'webhook delivery retention sweep failed; will retry');
    }
  }

  private async scanUntilQuiet(): Promise<void> {
    do {
      this.rescan = false;
      try {
        await this.scan();
      } catch (error) {
        this.logger.warn({ err: error }, 'webhook delivery scan failed; will retry');
      }
    } while (this.rescan && !this.stopped);
  }

  private async scan(): Promise<void> {
    const now = this.clock.now();
    const due = await this.deliveries.due(new Date(now).toISOString(), SCAN_LIMIT);
    const owners = new Map<string, SubscriptionDocument | null>();
    for (const job of due) {
      if (this.stopped) return;
      if (!owners.has(job.subscription_id)) {
        owners.set(job.subscription_id, await this.subscriptions.findById(job.subscription_id));
      }
      const subscription = owners.get(job.subscription_id) ?? null;
      const endpoint = subscription?.url ?? '';
      if ((this.inFlightByEndpoint.get(endpoint) ?? 0) >= this.config.WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT) continue;
      if (await this.deliveries.hasEarlierUnfinished(job)) continue;
      const leaseUntil = new Date(this.clock.now() + this.config.WEBHOOK_DELIVERY_LEASE_MS).toISOString();
      const held = await this.deliveries.claim(job, new Date(this.clock.now()).toISOString(), leaseUntil);
      if (!held) continue;
      this.start(held, subscription, endpoint);
    }
  }

  private start(held: DeliveryJob, subscription: SubscriptionDocument | null, endpoint: string): void {
    this.inFlightByEndpoint.set(endpoint, (this.inFlightByEndpoint.get(endpoint) ?? 0) + 1);
    const sending = this.sender
      .attempt(held, subscription)
      .catch((error: unknown) => {
        // The lease runs out and the job is tried again: nothing is lost.
        this.logger.error({ err: error, delivery: held._id }, 'webhook delivery attempt failed unexpectedly');
      })
      .finally(() => {
        const left = (this.inFlightByEndpoint.get(endpoint) ?? 1) - 1;
        if (left > 0) this.inFlightByEndpoint.set(endpoint, left);
        else this.inFlightByEndpoint.delete(endpoint);
        this.sending.delete(sending);
        // The lead's next event, or the endpoint's next job, may be due now.
        this.nudge();
      });
    this.sending.add(sending);
  }
}

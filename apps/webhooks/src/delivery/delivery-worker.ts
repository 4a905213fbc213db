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
import { EndpointSlots } from './endpoint-slots';
import { Blocker, waitingUntil } from './lead-order';

const SCAN_LIMIT = 200;
const RETENTION_SWEEP_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Works the queue: due jobs (and those whose worker died mid-delivery: re-sent, receivers
 * de-duplicate by webhook-id), each lead's events in order per subscription (a job waits while an
 * earlier one of its lead is unfinished, moved out of the scan's front meanwhile, and brought forward
 * by that one's finish), at most N in flight per endpoint (URL) from this replica: a slow endpoint
 * holds back its own deliveries, not those of other partners on the same host. The scan leaves out
 * the jobs of subscriptions whose endpoint is full (EndpointSlots), so a backlog behind a slow
 * endpoint cannot fill it.
 * Every replica runs one; a claim is decided by a unique insert (DeliveryClaim), so each attempt is made once.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly slots: EndpointSlots;
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
  ) {
    this.slots = new EndpointSlots(config.WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT);
  }

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
    const owners = new Map<string, SubscriptionDocument | null>();
    // A subscription may have moved off its full endpoint, or be gone: ask before leaving it out again.
    for (const subscriptionId of this.slots.toRecheck(now)) await this.ownerOf(subscriptionId, owners);
    const due = await this.deliveries.due(new Date(now).toISOString(), SCAN_LIMIT, this.slots.heldBack());
    let skippedKnownFull = false;
    // Per lead of a subscription, the version whose followers this scan moved already.
    const waiting = new Map<string, number>();
    for (const job of due) {
      if (this.stopped) return;
      const subscription = await this.ownerOf(job.subscription_id, owners);
      const endpoint = subscription?.url ?? '';
      if (this.slots.isFull(endpoint)) {
        skippedKnownFull ||= subscription !== null;
        continue;
      }
      const lead = `${job.subscription_id}|${job.lead_id ?? ''}`;
      if (job.lead_version > (waiting.get(lead) ?? Infinity)) continue;
      const blocker = await this.deliveries.firstEarlierUnfinished(job);
      if (blocker) {
        waiting.set(lead, blocker.lead_version);
        await this.waitBehind(blocker);
        continue;
      }
      const leaseUntil = new Date(this.clock.now() + this.config.WEBHOOK_DELIVERY_LEASE_MS).toISOString();
      const held = await this.deliveries.claim(job, new Date(this.clock.now()).toISOString(), leaseUntil);
      if (!held) continue;
      this.start(held, subscription, endpoint);
    }
    // An endpoint filled up (or was learned full) during this scan: its jobs may have hidden others
    // past the limit; the next scan leaves them out.
    if (skippedKnownFull) this.rescan = true;
  }

  /**
   * Moves the jobs waiting for `blocker` (its lead's later events) out of the front of the scan, in
   * one update (see waitingUntil). Then looks again: the blocker may have finished, and brought them
   * forward, between the read and the move; then they come forward again.
   */
  private async waitBehind(blocker: Blocker): Promise<void> {
    const until = waitingUntil(blocker, this.clock.now(), this.config.WEBHOOK_DELIVERY_LEASE_MS);
    await this.deliveries.deferFollowers(blocker, until);
    if (await this.deliveries.stillBlocks(blocker)) return;
    await this.deliveries.bringFollowersForward(blocker, new Date(this.clock.now()).toISOString());
  }

  /** The job's subscription, looked up once per scan; each lookup also tells the slots its endpoint. */
  private async ownerOf(
    subscriptionId: string,
    owners: Map<string, SubscriptionDocument | null>,
  ): Promise<SubscriptionDocument | null> {
    if (!owners.has(subscriptionId)) {
      const subscription = await this.subscriptions.findById(subscriptionId);
      owners.set(subscriptionId, subscription);
      this.slots.learn(subscriptionId, subscription?.url ?? null, this.clock.now());
    }
    return owners.get(subscriptionId) ?? null;
  }

  private start(held: DeliveryJob, subscription: SubscriptionDocument | null, endpoint: string): void {
    this.slots.take(endpoint);
    const sending = this.sender
      .attempt(held, subscription)
      .catch((error: unknown) => {
        // The lease runs out and the job is tried again: nothing is lost.
        this.logger.error({ err: error, delivery: held._id }, 'webhook delivery attempt failed unexpectedly');
      })
      .finally(() => {
        this.slots.release(endpoint);
        this.sending.delete(sending);
        // The lead's next event, or the endpoint's next job, may be due now.
        this.nudge();
      });
    this.sending.add(sending);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { isLiveToken, LeadEventV1, WEBHOOK_TEST_EVENT_TYPE } from '@leadgate/contracts';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { WebhooksConfig } from '@webhooks/config';
import { decideSlice } from '@webhooks/dispatch/slice-decision';
import { SliceReader, SliceStateUnavailable } from '@webhooks/dispatch/slice-reader';
import { SecretBox } from '@webhooks/secrets/secret-box';
import { webhookHeaders } from '@webhooks/signing/webhook-signature';
import { SubscriptionDocument } from '@webhooks/subscriptions/subscription.schema';
import { SubscriptionsRepository } from '@webhooks/subscriptions/subscriptions.repository';
import { resolveTarget } from '@webhooks/targets/resolved-target';
import { DeliveriesRepository } from './deliveries.repository';
import { Answer, settleAttempt } from './delivery-outcome';
import { DeliveryJob } from './delivery.schema';
import { DELIVERY_CLOCK, DeliveryClock } from './delivery-clock';
import { isFinished } from './lead-order';
import { scaledPolicy } from './retry-schedule';
import { pinnedLookup, postToTarget } from './target-post';

/** A job waits this long when the read models cannot confirm the token's slice (no attempt is counted). */
const STATE_WAIT_MS = 1000;

type Body = { body: string } | { cancel: string };

/**
 * One attempt of one held job: the subscription must still be active and its token still live and
 * able to read the lead (decided again now, so a revocation or a narrower slice stops what is
 * queued), the target's resolved addresses must pass the check, then the projected event is
 * signed for this attempt and posted. The outcome is settled on the job; 410 or a day of failures
 * disables the subscription. Logs ids and outcomes, never the secret, the body or the URL's query.
 */
@Injectable()
export class DeliverySender {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly slices: SliceReader,
    private readonly secrets: SecretBox,
    @Inject(DELIVERY_CLOCK) private readonly clock: DeliveryClock,
    @Inject(SERVICE_CONFIG) private readonly config: WebhooksConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async attempt(held: DeliveryJob, subscription: SubscriptionDocument | null): Promise<void> {
    if (!subscription) return this.cancel(held, 'subscription_deleted');
    if (subscription.status !== 'active') return this.cancel(held, 'subscription_disabled');
    let prepared: Body;
    try {
      prepared = this.prepare(held, subscription);
    } catch (error) {
      if (!(error instanceof SliceStateUnavailable)) throw error;
      const now = this.clock.now();
      const later = new Date(now + STATE_WAIT_MS).toISOString();
      await this.deliveries.settle(held, {
        status: 'pending',
        lease_until: null,
        next_attempt_at: later,
        updated_at: new Date(now).toISOString(),
      });
      return;
    }
    if ('cancel' in prepared) return this.cancel(held, prepared.cancel);
    const answer = await this.send(held, subscription, prepared.body);
    const now = this.clock.now();
    const policy = scaledPolicy(this.config.WEBHOOK_RETRY_TIME_SCALE);
    const { changes, disable } = settleAttempt(held, answer, now, policy, () => this.clock.random());
    const settled = await this.deliveries.settle(held, changes);
    this.logger.info(
      {
        delivery: held._id,
        webhook: held.subscription_id,
        event: held.event_id,
        status: changes.status,
        attempt: changes.attempts,
      },
      'webhook delivery attempt',
    );
    if (settled && isFinished(changes.status)) await this.freeFollowers(held, now);
    if (settled && disable !== null) {
      await this.subscriptions.disable(subscription._id, disable, new Date(now).toISOString());
      this.logger.warn({ webhook: subscription._id, reason: disable }, 'webhook subscription disabled');
    }
  }

  /** The bytes to send now, or why the job may no longer be sent. */
  private prepare(held: DeliveryJob, subscription: SubscriptionDocument): Body {
    const event = JSON.parse(held.event_json) as LeadEventV1 | { type: typeof WEBHOOK_TEST_EVENT_TYPE };
    if (event.type === WEBHOOK_TEST_EVENT_TYPE) {
      const token = this.slices.token(subscription.token_id);
      return token && isLiveToken(token, this.clock.now()) ? { body: held.event_json } : { cancel: 'token_not_live' };
    }
    const state = this.slices.state(subscription.token_id, event.data.campaign_id, this.clock.now());
    const decision = decideSlice(subscription, event, state, this.slices);
    return decision.deliver ? { body: JSON.stringify(decision.body) } : { cancel: decision.reason };
  }

  private async send(held: DeliveryJob, subscription: SubscriptionDocument, body: string): Promise<Answer> {
    const allowPrivate = this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    const target = await resolveTarget(subscription.url, allowPrivate);
    if (target.problem !== null) return { kind: 'blocked', error: `target refused: ${target.problem}` };
    const timestamp = Math.floor(this.clock.now() / 1000);
    const signed = webhookHeaders(
      { id: held.event_id, timestamp, body },
      this.secrets.open(subscription.sealed_secret),
    );
    return postToTarget({
      url: subscription.url,
      body,
      headers: { ...signed, 'content-type': 'application/json', 'user-agent': 'Leadgate-Webhooks/1' },
      // Connect to the addresses just checked (none when private targets are allowed: nothing to pin).
      ...(target.addresses.length > 0 ? { lookup: pinnedLookup(target.addresses) } : {}),
    });
  }

  /** The lead's later events waited behind this one's backoff or lease: they may go now. */
  private async freeFollowers(held: DeliveryJob, now: number): Promise<void> {
    await this.deliveries.bringFollowersForward(held, new Date(now).toISOString());
  }

  private async cancel(held: DeliveryJob, reason: string): Promise<void> {
    const at = new Date(this.clock.now()).toISOString();
    const settled = await this.deliveries.settle(held, {
      status: 'cancelled',
      reason,
      lease_until: null,
      updated_at: at,
    });
    if (settled) await this.freeFollowers(held, this.clock.now());
    this.logger.info({ delivery: held._id, webhook: held.subscription_id, reason }, 'webhook delivery cancelled');
  }
}

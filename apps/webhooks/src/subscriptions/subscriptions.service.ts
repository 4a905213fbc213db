import { randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { covers } from '@leadgate/auth-core';
import { AuditRecorder } from '@leadgate/audit';
import { TokenStateV1 } from '@leadgate/contracts';
import { authorizeAdmin, Principal, ProblemException, requireScope, SERVICE_CONFIG } from '@leadgate/service-kit';
import { WebhooksConfig } from '@webhooks/config';
import { SecretBox } from '@webhooks/secrets/secret-box';
import { newWebhookSecret } from '@webhooks/secrets/webhook-secret';
import { resolvedTargetProblem } from '@webhooks/targets/resolved-target';
import { CreateSubscriptionBody, UpdateSubscriptionBody } from './dto/subscription-bodies';
import { SubscriptionDocument } from './subscription.schema';
import { SubscriptionAccess } from './subscription-access';
import { SubscriptionOwners } from './subscription-owners';
import { toSubscriptionView, SubscriptionView } from './subscription-view';
import { SubscriptionChanges, SubscriptionsRepository } from './subscriptions.repository';

export type SubscriptionWithSecret = SubscriptionView & { secret: string };

const LIST_LIMIT = 1000;
const UPDATE_ATTEMPTS = 5;

const validationProblem = (errors: { path: string; message: string }[]) =>
  new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'validation_failed',
    'Validation failed',
    'The request body has problems; see errors.',
    errors,
  );

/**
 * Webhook subscriptions (API.md §12): made for the calling token or, by an admin, for a token it may
 * manage; secrets made here, sealed at once, shown once. Partner changes are audited here (the audit
 * interceptor records admin routes by itself). Nothing here logs a URL or a secret.
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly repository: SubscriptionsRepository,
    private readonly owners: SubscriptionOwners,
    private readonly access: SubscriptionAccess,
    private readonly secrets: SecretBox,
    private readonly audit: AuditRecorder,
    @Inject(SERVICE_CONFIG) private readonly config: WebhooksConfig,
  ) {}

  async createForCaller(principal: Principal, body: CreateSubscriptionBody): Promise<SubscriptionWithSecret> {
    requireScope(principal, 'webhooks:write');
    const token = this.owners.callerToken(principal);
    const created = await this.create(principal, token, body);
    await this.record(principal, 'webhooks.create', created.id, token.campaign_id);
    return created;
  }

  async createForToken(
    principal: Principal,
    tokenId: string,
    body: CreateSubscriptionBody,
  ): Promise<SubscriptionWithSecret> {
    const token = this.owners.manageableToken(principal, tokenId, 'webhooks:write');
    return this.create(principal, token, body);
  }

  async listOwn(principal: Principal): Promise<SubscriptionView[]> {
    requireScope(principal, 'webhooks:read');
    this.owners.requireLiveCaller(principal);
    if (principal.kind === 'user') return [];
    return (await this.repository.listOfToken(principal.account_id, principal.token_id, LIST_LIMIT)).map(
      toSubscriptionView,
    );
  }

  async listOfToken(principal: Principal, tokenId: string): Promise<SubscriptionView[]> {
    const token = this.owners.manageableToken(principal, tokenId, 'webhooks:read');
    return (await this.repository.listOfToken(principal.account_id, token.id, LIST_LIMIT)).map(toSubscriptionView);
  }

  /**
   * Every subscription of the account whose token the caller may manage: all of them for `admin`.
   * A URL may carry a receiver's own secret, so a caller that could not manage the token does not
   * see its subscriptions at all.
   */
  async listOfAccount(principal: Principal): Promise<SubscriptionView[]> {
    authorizeAdmin(principal, 'webhooks:read');
    this.owners.requireLiveCaller(principal);
    const all = await this.repository.listOfAccount(principal.account_id, LIST_LIMIT);
    return all.filter((subscription) => this.access.mayActOn(principal, subscription)).map(toSubscriptionView);
  }

  async get(principal: Principal, id: string): Promise<SubscriptionView> {
    requireScope(principal, 'webhooks:read');
    return toSubscriptionView(await this.access.findFor(principal, id));
  }

  async update(principal: Principal, id: string, body: UpdateSubscriptionBody): Promise<SubscriptionView> {
    requireScope(principal, 'webhooks:write');
    await this.access.findFor(principal, id);
    if (body.url !== undefined) await this.requireTarget(body.url);
    const changes: SubscriptionChanges = {};
    if (body.url !== undefined) changes.url = body.url;
    if (body.events !== undefined) changes.events = body.events;
    if (body.description !== undefined) changes.description = body.description;
    const updated = await this.change(principal, id, (current) => {
      if (body.status === 'active' && current.status !== 'active') {
        // Turning a subscription back on needs its token still able to own one.
        const token = this.owners.token(current.token_id);
        const problem = token ? this.owners.ownerProblem(token) : 'the token is gone';
        if (problem) throw validationProblem([{ path: 'status', message: problem }]);
        return { ...changes, status: 'active', disabled_reason: null, disabled_at: null };
      }
      if (body.status === 'disabled' && current.status !== 'disabled') {
        return {
          ...changes,
          status: 'disabled',
          disabled_reason: 'disabled by hand',
          disabled_at: new Date().toISOString(),
        };
      }
      return changes;
    });
    await this.record(principal, 'webhooks.update', id, updated.campaign_id);
    return toSubscriptionView(updated);
  }

  async rotateSecret(principal: Principal, id: string): Promise<SubscriptionWithSecret> {
    requireScope(principal, 'webhooks:write');
    const secret = newWebhookSecret();
    const sealed = this.secrets.seal(secret);
    const rotated = await this.change(principal, id, () => ({ sealed_secret: sealed }));
    await this.record(principal, 'webhooks.rotate_secret', id, rotated.campaign_id);
    return { ...toSubscriptionView(rotated), secret };
  }

  async delete(principal: Principal, id: string): Promise<void> {
    requireScope(principal, 'webhooks:write');
    const subscription = await this.access.findFor(principal, id);
    await this.repository.delete(principal.account_id, subscription._id);
    await this.record(principal, 'webhooks.delete', id, subscription.campaign_id);
  }

  private async create(
    principal: Principal,
    token: TokenStateV1,
    body: CreateSubscriptionBody,
  ): Promise<SubscriptionWithSecret> {
    const problems: { path: string; message: string }[] = [];
    const ownerProblem = this.owners.ownerProblem(token);
    if (ownerProblem) problems.push({ path: 'token', message: ownerProblem });
    const urlProblem = await resolvedTargetProblem(body.url, this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS);
    if (urlProblem) problems.push({ path: 'url', message: urlProblem });
    if (problems.length > 0) throw validationProblem(problems);
    // Defence in depth: manageableToken checked this for the admin route; one's own token passes.
    if (principal.token_id !== token.id && !covers(principal.scopes, token.scopes)) {
      throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such token.');
    }
    const limit = this.config.WEBHOOK_MAX_SUBSCRIPTIONS_PER_TOKEN;
    if ((await this.repository.countOfToken(principal.account_id, token.id)) >= limit) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'subscription_limit',
        'Too many subscriptions',
        `A token has at most ${limit} webhook subscriptions; delete one first.`,
      );
    }
    const secret = newWebhookSecret();
    const now = new Date().toISOString();
    const subscription: SubscriptionDocument = {
      _id: `whk_${randomBytes(12).toString('base64url')}`,
      account_id: principal.account_id,
      token_id: token.id,
      campaign_id: token.campaign_id,
      url: body.url,
      events: [...body.events],
      description: body.description ?? null,
      status: 'active',
      disabled_reason: null,
      disabled_at: null,
      sealed_secret: this.secrets.seal(secret),
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await this.repository.insert(subscription);
    return { ...toSubscriptionView(subscription), secret };
  }

  private async requireTarget(url: string): Promise<void> {
    const problem = await resolvedTargetProblem(url, this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS);
    if (problem) throw validationProblem([{ path: 'url', message: problem }]);
  }

  /** Read, decide, write if unchanged since the read; a concurrent change makes it read again. */
  private async change(
    principal: Principal,
    id: string,
    decide: (current: SubscriptionDocument) => SubscriptionChanges,
  ): Promise<SubscriptionDocument> {
    for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
      const current = await this.access.findFor(principal, id);
      const updated = await this.repository.update(current._id, current.version, decide(current));
      if (updated) return updated;
    }
    throw new ProblemException(
      HttpStatus.CONFLICT,
      'conflict',
      'Conflict',
      'The webhook changed while this change was made; try again.',
    );
  }

  private async record(principal: Principal, action: string, id: string, campaignId: string | null): Promise<void> {
    if (principal.kind === 'anonymous') return;
    await this.audit.record({
      account_id: principal.account_id,
      actor: {
        kind: principal.kind,
        id: principal.token_id,
        name: principal.actor_name ?? null,
      },
      action,
      target: { type: 'webhooks', id },
      campaign_id: campaignId,
      client_ip: principal.client_ip ?? null,
    });
  }
}

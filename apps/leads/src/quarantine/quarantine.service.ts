import { HttpStatus, Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CampaignSchemaStateV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { MAX_JSON_DEPTH, Principal, ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { randomBytes } from 'node:crypto';
import { Logger } from 'pino';
import { LeadsConfig } from '@leads/config';
import { toLeadView } from '@leads/store/lead-view';
import { LeadCreationService } from '@leads/leads/lead-creation.service';
import { receiverBodyToLead } from '@leads/leads/receiver-body';
import { LeadScopeService, unnarrowedScope } from '@leads/scope/lead-scope.service';
import { exceedsDepth, jsonText } from '@leads/json/json-text';
import { QuarantineQuota } from './quarantine-quota';
import { QuarantineRepository } from './quarantine.repository';
import { QuarantinedPost, QuarantineReason } from './quarantine.schema';

export function toQuarantineView(post: QuarantinedPost) {
  return {
    id: post._id,
    campaign_id: post.campaign_id,
    reason: post.reason,
    state: post.state,
    body: JSON.parse(post.body_json) as unknown,
    client_address: post.client_address,
    received_at: post.received_at,
    lead_id: post.lead_id,
  };
}

/**
 * The post as JSON text, or 400: a body nested deeper than API.md §9 allows could be stored but
 * never shown (the admin list) or released, so the sender is told instead. Written without
 * recursion, so even a body nested 100,000 deep is answered, not a stack overflow.
 */
function heldBodyJson(body: unknown): string {
  const refuse = (type: string, title: string, detail: string) =>
    new ProblemException(HttpStatus.BAD_REQUEST, type, title, `${detail} Nothing was stored.`);
  if (exceedsDepth(body, MAX_JSON_DEPTH)) {
    // The body parser refuses these first; the same answer here, should a body reach hold another way.
    throw refuse('body_too_deep', 'Request body nested too deep', `JSON may nest at most ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return jsonText(body ?? null);
  } catch {
    throw refuse('bad_request', 'Bad request', 'The body cannot be written as JSON.');
  }
}

const notFound = () =>
  new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such quarantined post.');

/**
 * The account's quarantine (API.md §4): receiver posts refused for want of a valid access token are
 * kept here, never in lead lists, with the reason, until an admin releases them into the campaign
 * (validated like any new lead, with its lead.created event) or discards them.
 */
@Injectable()
export class QuarantineService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly posts: QuarantineRepository,
    private readonly quota: QuarantineQuota,
    private readonly leads: LeadCreationService,
    private readonly scopes: LeadScopeService,
    private readonly publisher: KafkaPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: LeadsConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.publishPending(), this.config.EVENT_RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Keeps a refused post, or answers why it cannot: 400 for a body deeper than the API allows (it
   * could not be shown or released), 429 when the account's quarantine is full, 503 when the
   * database would not take it. Never a 500 with nothing stored.
   */
  async hold(
    campaign: CampaignSchemaStateV1,
    reason: QuarantineReason,
    body: unknown,
    fromForm: boolean,
    clientAddress: string | null,
  ) {
    const bodyJson = heldBodyJson(body);
    await this.quota.reserve(campaign.account_id);
    const post: QuarantinedPost = {
      _id: `qp_${randomBytes(12).toString('base64url')}`,
      account_id: campaign.account_id,
      campaign_id: campaign.id,
      reason,
      state: 'held',
      body_json: bodyJson,
      from_form: fromForm,
      client_address: clientAddress,
      received_at: new Date().toISOString(),
      decided_at: null,
      lead_id: null,
      event_pending: true,
    };
    try {
      await this.posts.insert(post);
    } catch (error) {
      await this.quota.release(campaign.account_id).catch(() => undefined);
      this.logger.error({ err: error, campaign_id: campaign.id }, 'quarantine insert failed');
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'quarantine_unavailable',
        'Quarantine unavailable',
        'The post could not be kept in quarantine and was not stored; retry shortly.',
        undefined,
        { 'Retry-After': '5' },
      );
    }
    await this.publishEvent(post).catch(() => undefined);
    return post;
  }

  /** The oldest 500 held posts, with how many are held in all and the account's quota. */
  async list(principal: Principal) {
    const [held, total] = await Promise.all([
      this.posts.listHeld(principal.account_id, 500),
      this.quota.held(principal.account_id),
    ]);
    return { data: held.map(toQuarantineView), total, quota: this.quota.quota };
  }

  async release(principal: Principal, id: string) {
    const post = await this.posts.findHeld(principal.account_id, id);
    if (!post) throw notFound();
    const campaign = this.scopes.campaign(post.campaign_id);
    if (campaign?.account_id !== principal.account_id)
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'campaign_gone',
        'Campaign gone',
        'The campaign of this post no longer exists; discard it.',
      );
    const body = receiverBodyToLead(JSON.parse(post.body_json), campaign, post.from_form);
    // The quarantine id makes the release idempotent: releasing twice finds the same lead.
    const lead = await this.leads.createInScope(
      unnarrowedScope(campaign),
      principal,
      body,
      { scope: 'quarantine', key: post._id },
      { kind: 'receiver', id: post._id },
    );
    if (!(await this.posts.decide(post._id, 'released', lead._id))) throw notFound();
    await this.quota.release(principal.account_id);
    return { lead: toLeadView(lead), quarantine_id: post._id };
  }

  async discard(principal: Principal, id: string): Promise<void> {
    const post = await this.posts.findHeld(principal.account_id, id);
    if (!post || !(await this.posts.decide(post._id, 'discarded', null))) throw notFound();
    await this.quota.release(principal.account_id);
  }

  private async publishPending(): Promise<void> {
    try {
      for (const post of await this.posts.findEventPending(100)) await this.publishEvent(post);
    } catch (error) {
      this.logger.warn({ err: error }, 'quarantine event publish failed; will retry');
    }
  }

  /** `lead.quarantined`, keyed by the quarantine id, with the reason and the post as received. */
  private async publishEvent(post: QuarantinedPost): Promise<void> {
    await this.publisher.publish(TOPICS.leadEvents, post._id, {
      specversion: '1.0',
      id: `${post._id}:quarantined`,
      source: `/leadgate/campaigns/${post.campaign_id}/receiver`,
      type: 'lead.quarantined',
      subject: post._id,
      time: post.received_at,
      datacontenttype: 'application/json',
      data: {
        campaign_id: post.campaign_id,
        lead: { quarantine_id: post._id, reason: post.reason, body: JSON.parse(post.body_json) as unknown },
        changed: [],
        actor: { kind: 'anonymous', id: post.client_address ?? 'unknown' },
      },
    });
    await this.posts.markEventPublished(post._id);
  }
}

import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  deadlineExceeded,
  deadlineOf,
  deadlinePassed,
  Principal,
  ProblemException,
  SERVICE_CONFIG,
} from '@leadgate/service-kit';
import { LeadsConfig } from '@leads/config';
import { LeadEventRelay } from '@leads/events/lead-event.relay';
import { LeadCreateGroups } from './lead-create-groups';
import { IdempotencyService } from '@leads/idempotency/idempotency.service';
import { idempotencyScope } from '@leads/idempotency/idempotency-scope';
import { StoredOutcome } from '@leads/idempotency/idempotency-record.schema';
import { LeadScope, LeadScopeService } from '@leads/scope/lead-scope.service';
import { LeadDocument, LeadSource, NewLead } from '@leads/store/lead.schema';
import { etagOf, toLeadView } from '@leads/store/lead-view';
import { actorOf, leadIdFor, LeadWriter } from './lead-writer';
import { ChangeMeta, LeadStore } from '@leads/store/lead-store.service';
import { batchBody, chunksOf, commitChunks, validItems } from './lead-batch';
import { projectBatchAnswer, projectCreateAnswer } from './lead-answers';
import { IdempotentResult } from '@leads/idempotency/idempotency.service';

export const MAX_BATCH = 1000;

export function sourceOf(principal: Principal, kind: LeadSource['kind']): LeadSource {
  return { kind, id: principal.kind === 'anonymous' ? 'anonymous' : principal.token_id };
}

/** Creating leads, one or a batch, with Idempotency-Key; reading and updating live in LeadReads/LeadUpdates. */
@Injectable()
export class LeadCreationService {
  constructor(
    private readonly scopes: LeadScopeService,
    private readonly writer: LeadWriter,
    private readonly leadStore: LeadStore,
    private readonly groups: LeadCreateGroups,
    private readonly relay: LeadEventRelay,
    private readonly idempotency: IdempotencyService,
    @Inject(SERVICE_CONFIG) private readonly config: LeadsConfig,
  ) {}

  async create(principal: Principal, campaignId: string, body: unknown, key: string | undefined) {
    const scope = this.scopes.resolve(principal, campaignId);
    const keyScope = idempotencyScope(principal, 'create', campaignId);
    const work = async (): Promise<StoredOutcome> => {
      const lead = await this.createInScope(
        scope,
        principal,
        body,
        key !== undefined ? { scope: keyScope, key } : null,
        sourceOf(principal, 'api'),
      );
      return { status: 201, body: toLeadView(lead), headers: createdHeaders(lead) };
    };
    // An Idempotency-Key header that is there but empty is refused (400), not taken as no key.
    const result =
      key !== undefined
        ? await this.idempotency.run(keyScope, key, body, work)
        : { ...(await work()), replayed: false };
    // Stored in full, answered through the token's field access as it is now (fresh or replayed).
    return projected(result, (answer) => projectCreateAnswer(scope.projection, answer));
  }

  /**
   * A receiver post from a caller the campaign accepts. An Idempotency-Key counts only for an
   * authenticated caller: anonymous senders share no identity, so one visitor's key could swallow
   * another's post (answered with the first lead, the body dropped) — their posts are always new.
   */
  async receive(scope: LeadScope, principal: Principal, post: unknown, lead: unknown, key: string | undefined) {
    const keyScope = idempotencyScope(principal, 'receiver', scope.campaign.id);
    const useKey = key !== undefined && principal.kind !== 'anonymous';
    const work = async (): Promise<StoredOutcome> => {
      const stored = await this.createInScope(
        scope,
        principal,
        lead,
        useKey ? { scope: keyScope, key } : null,
        sourceOf(principal, 'receiver'),
      );
      return { status: 201, body: { id: stored._id, campaign_id: stored.campaign_id, status: 'created' }, headers: {} };
    };
    if (!useKey) return { ...(await work()), replayed: false };
    // The post as sent is what a retry repeats; the lead made of it depends on the campaign's schema.
    return this.idempotency.run(keyScope, key, post, work);
  }

  /** One lead into a scope already resolved (the receiver and quarantine release resolve their own). */
  async createInScope(
    scope: LeadScope,
    principal: Principal,
    body: unknown,
    idempotency: { scope: string; key: string } | null,
    source: LeadSource,
  ): Promise<LeadDocument> {
    const prepared = this.writer.prepareCreate(scope, body, leadIdFor(idempotency), source);
    if (!prepared.ok) throw prepared.problem;
    return this.groups.commit(
      { lead: prepared.lead, meta: createdMeta(principal), keyed: idempotency !== null },
      deadlineOf(principal),
    );
  }

  /** Up to 1000 leads; each item succeeds or fails on its own (API.md §3), in request order. */
  async batch(principal: Principal, campaignId: string, body: unknown, key: string | undefined) {
    const items = (body as { leads?: unknown } | null)?.leads;
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'validation_failed',
        'Validation failed',
        `Send {"leads": [...]} with 1 to ${MAX_BATCH} leads.`,
        [{ path: 'leads', message: `must be an array of 1 to ${MAX_BATCH} leads` }],
      );
    }
    const scope = this.scopes.resolve(principal, campaignId);
    const keyScope = idempotencyScope(principal, 'batch', campaignId);
    const work = async (): Promise<StoredOutcome> => {
      // Validate every item first, then commit the valid ones a chunk at a time (a few bulk writes, not a few per lead).
      const prepared = items.map((item, index) =>
        this.writer.prepareCreate(
          scope,
          item,
          leadIdFor(key !== undefined ? { scope: keyScope, key, index } : null),
          sourceOf(principal, 'api'),
        ),
      );
      const deadline = deadlineOf(principal);
      const outcome = await commitChunks(
        chunksOf(validItems(prepared), this.config.BATCH_COMMIT_CHUNK_SIZE),
        () => !deadlinePassed(deadline),
        (leads) => this.storeMany(leads, principal, key !== undefined),
      );
      // Out of time before anything was stored: nothing happened, so a 504 (and the key is free again).
      if (outcome.stored.size === 0 && outcome.notProcessed.size > 0) throw deadlineExceeded();
      return { status: 200, body: batchBody(prepared, outcome), headers: {} };
    };
    const result =
      key !== undefined
        ? await this.idempotency.run(keyScope, key, body, work)
        : { ...(await work()), replayed: false };
    return projected(result, (answer) => projectBatchAnswer(scope.projection, answer));
  }

  /** Commits prepared leads with their lead.created events: a claim (when keyed), one outbox entry and one insert for all. */
  private async storeMany(leads: NewLead[], principal: Principal, keyed: boolean): Promise<LeadDocument[]> {
    const meta = createdMeta(principal);
    const committed = await this.leadStore.commitCreates(leads.map((lead) => ({ lead, meta, keyed })));
    void this.relay.publishCreated(committed.entry);
    return committed.leads;
  }
}

function projected(result: IdempotentResult, project: (body: unknown) => unknown): IdempotentResult {
  return { ...result, body: project(result.body) };
}

function createdHeaders(lead: LeadDocument): Record<string, string> {
  return { Location: `/v1/campaigns/${lead.campaign_id}/leads/${lead._id}`, ETag: etagOf(lead) };
}

function createdMeta(principal: Principal): ChangeMeta {
  return {
    type: 'lead.created',
    changed: ['fields', 'select_field_values', 'status', 'relations'],
    actor: actorOf(principal),
  };
}

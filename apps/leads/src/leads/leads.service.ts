import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { LeadEventRelay } from '../events/lead-event.relay';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { StoredOutcome } from '../idempotency/idempotency-record.schema';
import { LeadScope, LeadScopeService } from '../scope/lead-scope.service';
import { LeadDocument, LeadSource } from './lead.schema';
import { etagOf, toLeadView } from './lead-view';
import { actorOf, leadIdFor, LeadWriter } from './lead-writer';
import { LeadStore } from '../changes/lead-store.service';

export const MAX_BATCH = 1000;

export function sourceOf(principal: Principal, kind: LeadSource['kind']): LeadSource {
  return { kind, id: principal.kind === 'anonymous' ? 'anonymous' : principal.token_id };
}

/** Creating leads, one or a batch, with Idempotency-Key; reading and updating live in LeadReads/LeadUpdates. */
@Injectable()
export class LeadsService {
  constructor(
    private readonly scopes: LeadScopeService,
    private readonly writer: LeadWriter,
    private readonly leadStore: LeadStore,
    private readonly relay: LeadEventRelay,
    private readonly idempotency: IdempotencyService,
  ) {}

  async create(principal: Principal, campaignId: string, body: unknown, key: string | undefined) {
    const scope = this.scopes.resolve(principal, campaignId);
    const work = async (): Promise<StoredOutcome> => {
      const lead = await this.createInScope(
        scope,
        principal,
        body,
        key ? { scope: principal.token_id, key } : null,
        sourceOf(principal, 'api'),
      );
      return { status: 201, body: toLeadView(lead), headers: createdHeaders(lead) };
    };
    if (!key) return { ...(await work()), replayed: false };
    return this.idempotency.run(`${principal.token_id}:create:${campaignId}`, key, body, work);
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
    return this.store(prepared.lead, principal);
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
    const work = async (): Promise<StoredOutcome> => {
      const results = [];
      for (const [index, item] of items.entries()) {
        const id = leadIdFor(key ? { scope: principal.token_id, key, index } : null);
        const prepared = this.writer.prepareCreate(scope, item, id, sourceOf(principal, 'api'));
        if (!prepared.ok) {
          results.push({ index, status: 'error', error: problemBody(prepared.problem) });
          continue;
        }
        const lead = await this.store(prepared.lead, principal);
        results.push({ index, status: 'created', lead: toLeadView(lead) });
      }
      const created = results.filter((result) => result.status === 'created').length;
      return { status: 200, body: { created, failed: results.length - created, results }, headers: {} };
    };
    if (!key) return { ...(await work()), replayed: false };
    return this.idempotency.run(`${principal.token_id}:batch:${campaignId}`, key, body, work);
  }

  /** Commits a prepared lead with its lead.created event; a retried idempotent create finds its first lead. */
  private async store(lead: LeadDocument, principal: Principal): Promise<LeadDocument> {
    const stored = await this.leadStore.commitCreate(lead, {
      type: 'lead.created',
      changed: ['fields', 'select_field_values', 'status', 'relations'],
      actor: actorOf(principal),
    });
    void this.relay.flush(stored._id);
    return stored;
  }
}

function createdHeaders(lead: LeadDocument): Record<string, string> {
  return { Location: `/v1/campaigns/${lead.campaign_id}/leads/${lead._id}`, ETag: etagOf(lead) };
}

function problemBody(problem: ProblemException) {
  return {
    type: `https://leadgate.dev/problems/${problem.problemType}`,
    title: problem.title,
    status: problem.getStatus(),
    detail: problem.message,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}

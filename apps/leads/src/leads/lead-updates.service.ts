import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { LeadEventRelay } from '@leads/events/lead-event.relay';
import { LeadScope, LeadScopeService } from '@leads/scope/lead-scope.service';
import { fieldNotWritable, unwritableFieldErrors, withoutEchoedMasks } from './field-writes';
import { LeadInput, missingRequired, parseLeadInput } from './lead-input';
import { leadViewFor } from './lead-answers';
import { LeadReadsService } from './lead-reads.service';
import { LeadDocument } from '@leads/store/lead.schema';
import { etagOf, filterable } from '@leads/store/lead-view';
import { actorOf, outOfScope, validationFailed } from './lead-writer';
import { LeadStore } from '@leads/store/lead-store.service';

type LeadChanges = Pick<LeadDocument, 'fields' | 'select_field_values' | 'status' | 'relations'>;

const preconditionFailed = () =>
  new ProblemException(
    HttpStatus.PRECONDITION_FAILED,
    'precondition_failed',
    'Precondition failed',
    'The lead changed since that version (If-Match); read it again.',
  );

/** Merges `patch` into `current`: a key set to null is removed, others replaced. */
function merge<T extends string | number | boolean>(
  current: Record<string, T>,
  patch: Record<string, T | null>,
): Record<string, T> {
  const next: Record<string, T> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/**
 * PATCH (API.md §3 "Update"): validated against the schema, the lead after the change must still
 * match the token's filter (else 422 out_of_scope, nothing changes), `If-Match` honoured (412), and
 * the change and its event stored in one write, guarded by the version: of two concurrent PATCHes
 * with the same If-Match exactly one wins.
 */
@Injectable()
export class LeadUpdatesService {
  constructor(
    private readonly scopes: LeadScopeService,
    private readonly reads: LeadReadsService,
    private readonly store: LeadStore,
    private readonly relay: LeadEventRelay,
  ) {}

  /** The lead after the change, as the caller reads it (its field access applied). */
  async update(principal: Principal, campaignId: string, id: string, body: unknown, ifMatch: string | undefined) {
    const scope = this.scopes.resolve(principal, campaignId);
    const unwritable = unwritableFieldErrors(scope.access, body);
    if (unwritable.length > 0) throw fieldNotWritable(unwritable);
    const parsed = parseLeadInput(body, scope.campaign, 'update');
    if (!parsed.ok) throw validationFailed(parsed.errors);
    return leadViewFor(scope.projection, await this.apply(principal, scope, id, parsed.input, ifMatch));
  }

  private async apply(
    principal: Principal,
    scope: LeadScope,
    id: string,
    input: LeadInput,
    ifMatch: string | undefined,
  ): Promise<LeadDocument> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.reads.findInScope(scope, id);
      // Changes a writer claimed and died before writing come first (they hold the next versions).
      const rolled = await this.store.rollForward(current);
      if (rolled) {
        void this.relay.publishUpdated(rolled);
        continue;
      }
      if (ifMatch !== undefined && ifMatch !== etagOf(current) && ifMatch !== '*') throw preconditionFailed();
      const changes: LeadChanges = {
        fields: merge(
          current.fields,
          withoutEchoedMasks(scope.access, scope.campaign.fields, current.fields, input.fields),
        ),
        select_field_values: merge(current.select_field_values, input.select_field_values),
        relations: merge(current.relations, input.relations),
        status: input.status ?? current.status,
      };
      const missing = missingRequired(scope.campaign, changes.fields ?? {});
      if (missing.length > 0) throw validationFailed(missing);
      const next = { ...current, ...changes };
      if (scope.compiled && !scope.compiled.matches(filterable(next))) throw outOfScope();
      const changed = changedKeys(current, changes);
      if (changed.length === 0) return current;
      const after: LeadDocument = { ...next, version: current.version + 1, updated_at: new Date().toISOString() };
      const updated = await this.store.commitUpdate(after, {
        type: changed.includes('status') ? 'lead.status_changed' : 'lead.updated',
        changed,
        actor: actorOf(principal),
      });
      if (updated) {
        void this.relay.publishUpdated(updated);
        return after;
      }
      // Another writer claimed this version first: with If-Match that is a lost race (412), without it we retry.
      if (ifMatch !== undefined) throw preconditionFailed();
    }
    throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', 'The lead is being changed; try again.');
  }
}

function changedKeys(current: LeadDocument, changes: LeadChanges): string[] {
  const keys: string[] = [];
  for (const section of ['fields', 'select_field_values', 'relations'] as const) {
    const before = current[section] as Record<string, unknown>;
    const after = changes[section] ?? before;
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (before[key] !== after[key]) keys.push(`${section}.${key}`);
    }
  }
  if (changes.status !== undefined && changes.status !== current.status) keys.push('status');
  return keys;
}

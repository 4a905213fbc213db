import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal, ProblemException, randomIdPart } from '@leadgate/service-kit';
import { createHash } from 'node:crypto';
import { LeadScope } from '@leads/scope/lead-scope.service';
import { fieldNotWritable, unwritableFieldErrors } from './field-writes';
import { LeadInput, missingRequired, parseLeadInput } from './lead-input';
import { LeadChange } from '@leads/store/lead-change.schema';
import { LeadDocument, LeadSource, NewLead } from '@leads/store/lead.schema';
import { filterable } from '@leads/store/lead-view';

export type Prepared = { ok: true; lead: NewLead } | { ok: false; problem: ProblemException };

export function validationFailed(errors: { path: string; message: string }[]): ProblemException {
  return new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'validation_failed',
    'Validation failed',
    'The lead has problems; see errors.',
    errors,
  );
}

export function outOfScope(): ProblemException {
  return new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'out_of_scope',
    'Outside this token\u2019s filter',
    'The lead would not match the filter this token is restricted to; nothing was stored.',
  );
}

/** Lead ids: derived from the Idempotency-Key when there is one, so a retried create finds its lead. */
export function leadIdFor(idempotency: { scope: string; key: string; index?: number } | null): string {
  if (!idempotency) return `ld_${randomIdPart(16)}`;
  const seed = `${idempotency.scope}\n${idempotency.key}\n${idempotency.index ?? ''}`;
  return `ld_${createHash('sha256').update(seed).digest('base64url').slice(0, 22)}`;
}

export function actorOf(principal: Principal): LeadChange['actor'] {
  return { kind: principal.kind, id: principal.token_id };
}

/**
 * Turns a create body into a lead to store (API.md §3 "Create"): validated against the schema,
 * pinned filter values filled in where the body leaves them out, the default status applied,
 * required fields present, and — for a filtered token — the result inside the filter. A field the
 * token may not write (hidden or read-only, API.md §13) is refused before anything else.
 */
@Injectable()
export class LeadWriter {
  prepareCreate(scope: LeadScope, body: unknown, id: string, source: LeadSource): Prepared {
    const unwritable = unwritableFieldErrors(scope.access, body);
    if (unwritable.length > 0) return { ok: false, problem: fieldNotWritable(unwritable) };
    const parsed = parseLeadInput(body, scope.campaign, 'create');
    if (!parsed.ok) return { ok: false, problem: validationFailed(parsed.errors) };
    const input: LeadInput = parsed.input;
    const pinned = scope.compiled?.pinned;
    const selects = {
      ...(pinned?.select_field_values ?? {}),
      ...(input.select_field_values as Record<string, string>),
    };
    const defaultStatus =
      scope.campaign.statuses.find((status) => status.is_default)?.slug ?? scope.campaign.statuses[0]?.slug ?? 'new';
    const status = input.status ?? pinned?.status ?? defaultStatus;
    const fields = input.fields as LeadDocument['fields'];
    const missing = missingRequired(scope.campaign, fields);
    if (missing.length > 0) return { ok: false, problem: validationFailed(missing) };
    const now = new Date().toISOString();
    const lead: NewLead = {
      _id: id,
      account_id: scope.campaign.account_id,
      campaign_id: scope.campaign.id,
      fields,
      select_field_values: selects,
      status,
      relations: input.relations as LeadDocument['relations'],
      version: 1,
      source,
      created_at: now,
      updated_at: now,
    };
    if (scope.compiled && !scope.compiled.matches(filterable(lead))) return { ok: false, problem: outOfScope() };
    return { ok: true, lead };
  }
}

import { FieldProjection } from '@leadgate/field-access';
import { LeadDocument } from '@leads/store/lead.schema';
import { LeadView, toLeadView } from '@leads/store/lead-view';

/**
 * A stored lead as this caller reads it (API.md §3, §13): hidden fields gone, masked ones masked.
 * Every partner answer that carries a lead leaves through here or through the two below.
 */
export function leadViewFor(projection: FieldProjection, lead: LeadDocument): LeadView {
  return projection.lead(toLeadView(lead));
}

/**
 * A create answer as the caller reads it now. Idempotency records keep the answer as stored, so a
 * replay is projected here too, through the token's field access of the moment it asks again.
 */
export function projectCreateAnswer(projection: FieldProjection, body: unknown): unknown {
  return hasFields(body) ? projection.lead(body) : body;
}

/** A batch answer likewise: the lead of each created item. */
export function projectBatchAnswer(projection: FieldProjection, body: unknown): unknown {
  if (!projection.narrowing || !isObject(body) || !Array.isArray(body['results'])) return body;
  const results = body['results'].map((result: unknown) =>
    isObject(result) && hasFields(result['lead']) ? { ...result, lead: projection.lead(result['lead']) } : result,
  );
  return { ...body, results };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasFields(value: unknown): value is { fields: Record<string, unknown> } {
  return isObject(value) && isObject(value['fields']);
}

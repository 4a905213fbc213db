import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit';
import { DeliveryAttempt, DeliveryJob, DeliveryStatus } from './delivery.schema';

/** One delivery as `GET /v1/webhooks/{id}/deliveries` lists it (API.md §12): never the body or the secret. */
export interface DeliveryView {
  id: string;
  event_id: string;
  event_type: string;
  lead_id: string | null;
  status: DeliveryStatus;
  /** The outcome's reason when it failed or was cancelled (`gone`, `token_not_live`, `HTTP 500`...). */
  reason: string | null;
  attempts: number;
  last_answer_status: number | null;
  last_latency_ms: number | null;
  next_retry_at: string | null;
  created_at: string;
  updated_at: string;
  /** Each attempt, oldest first (the last 50). */
  history: DeliveryAttempt[];
}

export function toDeliveryView(job: DeliveryJob): DeliveryView {
  const last = job.history.at(-1) ?? null;
  return {
    id: job._id,
    event_id: job.event_id,
    event_type: job.event_type,
    lead_id: job.lead_id,
    status: job.status,
    reason: job.reason,
    attempts: job.attempts,
    last_answer_status: last?.answer_status ?? null,
    last_latency_ms: last?.latency_ms ?? null,
    next_retry_at: job.status === 'pending' && job.attempts > 0 ? job.next_attempt_at : null,
    created_at: job.created_at,
    updated_at: job.updated_at,
    history: job.history,
  };
}

export interface DeliveryListQuery {
  limit: number;
  before: { created_at: string; id: string } | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DELIVERY_ID = /^dlv_[A-Za-z0-9_-]{1,64}$/;

export function deliveryCursor(job: DeliveryJob): string {
  return Buffer.from(JSON.stringify([job.created_at, job._id])).toString('base64url');
}

/** `limit` (1..100, default 50) and `cursor` (from the previous page); anything else is a 400. */
export function parseDeliveryListQuery(params: Record<string, unknown>): DeliveryListQuery {
  const errors: { path: string; message: string }[] = [];
  let limit = 50;
  let before: DeliveryListQuery['before'] = null;
  for (const [name, raw] of Object.entries(params)) {
    if (typeof raw !== 'string') errors.push({ path: name, message: 'must be given once, as a plain value' });
    else if (name === 'limit') {
      if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 100)
        errors.push({ path: name, message: 'must be 1 to 100' });
      else limit = Number(raw);
    } else if (name === 'cursor') {
      before = decodeCursor(raw);
      if (!before) errors.push({ path: name, message: 'is not a cursor this API gave out' });
    } else errors.push({ path: name, message: 'unknown parameter' });
  }
  if (errors.length > 0) {
    throw new ProblemException(
      HttpStatus.BAD_REQUEST,
      'invalid_query',
      'Invalid query',
      'The query is not valid.',
      errors,
    );
  }
  return { limit, before };
}

function decodeCursor(raw: string): DeliveryListQuery['before'] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [createdAt, id] = parsed as unknown[];
    if (typeof createdAt !== 'string' || !ISO.test(createdAt)) return null;
    if (typeof id !== 'string' || !DELIVERY_ID.test(id)) return null;
    return { created_at: createdAt, id };
  } catch {
    return null;
  }
}

/** A delivery id as this API gives them out; anything else cannot name one (404 without a query). */
export function isDeliveryId(value: string): boolean {
  return DELIVERY_ID.test(value);
}

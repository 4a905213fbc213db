import { AttemptOutcome, DeliveryAttempt, DeliveryJob } from './delivery.schema';
import { nextAttemptAt, RetryPolicy } from './retry-schedule';

/** What became of one POST to the endpoint. */
export type Answer =
  | { kind: 'answered'; status: number; latencyMs: number }
  | { kind: 'timeout'; latencyMs: number }
  | { kind: 'error'; error: string; latencyMs: number }
  /** The target failed the address check at this attempt: nothing was sent. */
  | { kind: 'blocked'; error: string };

export interface Settlement {
  changes: Partial<DeliveryJob>;
  /** Set when the subscription must be disabled, with the reason it will show. */
  disable: string | null;
}

/** Attempts kept per job: enough to read a day of retries' tail, bounded so a job stays small. */
export const HISTORY_LIMIT = 50;

export const GONE_REASON = 'gone';
export const FAILING_REASON = 'failing for 24 h';

/**
 * The job after one attempt (API.md §12): a 2xx is delivered; 410 fails it and disables the
 * subscription at once; anything else is retried on the schedule until the first failure is a
 * window old, then the job fails and the subscription is disabled with the reason. A manual retry
 * is one attempt. Pure: the clock and the random source are the caller's.
 */
export function settleAttempt(
  job: DeliveryJob,
  answer: Answer,
  now: number,
  policy: RetryPolicy,
  random: () => number,
): Settlement {
  const at = new Date(now).toISOString();
  const attempt = job.attempts + 1;
  const base = { attempts: attempt, lease_until: null, updated_at: at };
  const record = (outcome: AttemptOutcome, next: string | null): DeliveryAttempt[] =>
    [...job.history, attemptOf(answer, attempt, at, outcome, next)].slice(-HISTORY_LIMIT);

  if (answer.kind === 'answered' && answer.status >= 200 && answer.status < 300) {
    return {
      changes: { ...base, status: 'delivered', reason: null, history: record('delivered', null) },
      disable: null,
    };
  }
  if (answer.kind === 'answered' && answer.status === 410) {
    return {
      changes: { ...base, status: 'failed', reason: GONE_REASON, history: record('gone', null) },
      disable: GONE_REASON,
    };
  }
  const outcome = outcomeOf(answer);
  if (job.manual) {
    return {
      changes: { ...base, status: 'failed', reason: describe(answer), history: record(outcome, null) },
      disable: null,
    };
  }
  const firstFailedAt = job.first_failed_at ?? at;
  const next = nextAttemptAt(
    { failedAttempts: attempt, firstFailedAt: Date.parse(firstFailedAt) },
    now,
    policy,
    random,
  );
  if (next === null) {
    const reason = `${FAILING_REASON} (last attempt: ${describe(answer)})`;
    return {
      changes: { ...base, status: 'failed', reason, first_failed_at: firstFailedAt, history: record(outcome, null) },
      disable: reason,
    };
  }
  const nextAt = new Date(next).toISOString();
  return {
    changes: {
      ...base,
      status: 'pending',
      next_attempt_at: nextAt,
      first_failed_at: firstFailedAt,
      reason: null,
      history: record(outcome, nextAt),
    },
    disable: null,
  };
}

function outcomeOf(answer: Answer): AttemptOutcome {
  if (answer.kind === 'answered') return 'failed';
  return answer.kind;
}

/** A short, secret-free account of a failed attempt (no receiver body, no URL). */
export function describe(answer: Answer): string {
  switch (answer.kind) {
    case 'answered':
      return answer.status >= 300 && answer.status < 400
        ? `HTTP ${answer.status} (redirects are not followed)`
        : `HTTP ${answer.status}`;
    case 'timeout':
      return 'no answer within 10 s';
    case 'error':
    case 'blocked':
      return answer.error;
  }
}

function attemptOf(
  answer: Answer,
  attempt: number,
  at: string,
  outcome: AttemptOutcome,
  next: string | null,
): DeliveryAttempt {
  return {
    attempt,
    at,
    answer_status: answer.kind === 'answered' ? answer.status : null,
    latency_ms: answer.kind === 'blocked' ? 0 : answer.latencyMs,
    outcome,
    error: outcome === 'delivered' ? null : describe(answer),
    next_retry_at: next,
  };
}

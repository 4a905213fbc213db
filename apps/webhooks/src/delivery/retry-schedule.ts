/** How failed deliveries are retried (API.md §12): growing, jittered delays for at least `giveUpAfterMs`. */
export interface RetryPolicy {
  /** The ceiling of the first retry's delay; each further retry doubles it. */
  baseMs: number;
  /** No delay's ceiling grows beyond this, so a recovered endpoint hears from us within it. */
  capMs: number;
  /** Retrying goes on until the first failure of a job is this old; then the job fails. */
  giveUpAfterMs: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export const RETRY_POLICY: RetryPolicy = Object.freeze({
  baseMs: 10_000,
  capMs: 60 * 60 * 1000,
  giveUpAfterMs: DAY_MS,
});

/**
 * The policy with every duration multiplied by `scale`. Only tests set a scale below 1 (config
 * WEBHOOK_RETRY_TIME_SCALE), to watch a whole day of retries and the give-up in seconds; the
 * schedule's shape is the same, which the exact-schedule unit tests hold.
 */
export function scaledPolicy(scale: number, policy: RetryPolicy = RETRY_POLICY): RetryPolicy {
  return {
    baseMs: policy.baseMs * scale,
    capMs: policy.capMs * scale,
    giveUpAfterMs: policy.giveUpAfterMs * scale,
  };
}

/**
 * The delay after the n-th failed attempt: "equal jitter" of min(cap, base·2^(n−1)), i.e. between
 * half the ceiling and the ceiling, so endpoints failing together are not retried in lockstep and a
 * delay never collapses to zero. `random` answers [0, 1).
 */
export function retryDelayMs(failedAttempts: number, policy: RetryPolicy, random: () => number): number {
  const doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** doublings);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface FailedSoFar {
  /** Failed attempts including the one just made. */
  failedAttempts: number;
  /** Epoch ms of the job's first failed attempt. */
  firstFailedAt: number;
}

/** Epoch ms of the next attempt after a failure at `now`, or null when the job has failed long enough to give up. */
export function nextAttemptAt(
  failed: FailedSoFar,
  now: number,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  if (now - failed.firstFailedAt >= policy.giveUpAfterMs) return null;
  return now + retryDelayMs(failed.failedAttempts, policy, random);
}

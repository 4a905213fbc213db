/**
 * kafkajs 2.2.4 keeps a 1 ms timer running on every broker connection for as long as it is open
 * (tulios/kafkajs#1556, #1604, #1704; unfixed upstream): after any response, the request queue
 * schedules its "pending requests" check with a negative delay even when nothing is pending, and
 * the check schedules itself again. Every consumer, producer and admin connection of a service
 * wakes the process about a thousand times a second; on the bench machine that was 40–70 ms of CPU
 * per second per idle service, paid again under load (issue 13).
 *
 * The fix (what the upstream pull request #1667 proposes): schedule the check only while requests
 * are pending, i.e. throttled by the broker or over the in-flight limit; at the end of the
 * throttle, or after 10 ms as kafkajs does otherwise. Requests over the in-flight limit are also
 * checked whenever an in-flight request is answered or times out (unchanged kafkajs code).
 *
 * It replaces one method on kafkajs's internal RequestQueue, so it applies only to the version
 * whose internals it was written against; `kafkajs-fixes.spec.ts` fails on any other version, to
 * make whoever upgrades look again (and drop this file once upstream is fixed).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs internals have no types or exports map entry
const RequestQueue = require('kafkajs/src/network/requestQueue') as RequestQueueClass;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version: kafkajsVersion } = require('kafkajs/package.json') as { version: string };

/** The kafkajs release this fix was written against (and checked on, by its unit test). */
export const PATCHED_KAFKAJS_VERSION = '2.2.4';

/** Same as kafkajs's own CHECK_PENDING_REQUESTS_INTERVAL. */
const PENDING_CHECK_INTERVAL_MS = 10;

interface RequestQueueState {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}

interface RequestQueueClass {
  prototype: RequestQueueState & { scheduleCheckPendingRequests(this: RequestQueueState): void };
}

function scheduleCheckOnlyWhilePending(this: RequestQueueState): void {
  if (this.pending.length === 0 || this.throttleCheckTimeoutId) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilUnthrottled > 0 ? untilUnthrottled : PENDING_CHECK_INTERVAL_MS,
  );
}

/**
 * Installs the fix process-wide (kafkajs's RequestQueue prototype: connections already open pick it
 * up too). Idempotent; returns false, changing nothing, on a kafkajs version it was not written for.
 */
export function fixKafkajsIdleTimer(): boolean {
  if (kafkajsVersion !== PATCHED_KAFKAJS_VERSION) return false;
  RequestQueue.prototype.scheduleCheckPendingRequests = scheduleCheckOnlyWhilePending;
  return true;
}

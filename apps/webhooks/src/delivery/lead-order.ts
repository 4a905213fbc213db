import { DeliveryJob, DeliveryStatus } from './delivery.schema';

/** The earlier unfinished job of a lead that a later one of the same subscription waits for. */
export type Blocker = Pick<
  DeliveryJob,
  '_id' | 'subscription_id' | 'lead_version' | 'status' | 'next_attempt_at' | 'lease_until'
> & { lead_id: string };

/**
 * The earliest a job waiting for `blocker` could go: the blocker's next attempt, or the end of its
 * lease while it is being sent.
 */
export function blockerFreesAt(blocker: Blocker): string {
  if (blocker.status === 'sending' && blocker.lease_until !== null) return blocker.lease_until;
  return blocker.next_attempt_at;
}

/**
 * When a job waiting for `blocker` is looked at again: once the blocker could have finished, and not
 * before `recheckMs` from `now`. It kept its creation time, and enough waiting jobs filled every scan
 * of the oldest due ones; moved, it leaves the front. The blocker's finish brings it forward, so the
 * floor only spares the scan from looking at it on every retry of a fast-failing blocker, and bounds
 * the wait of one whose blocker's finisher died before freeing it.
 */
export function waitingUntil(blocker: Blocker, now: number, recheckMs: number): string {
  const floor = new Date(now + recheckMs).toISOString();
  const frees = blockerFreesAt(blocker);
  return frees > floor ? frees : floor;
}

/** Delivered, failed for good or cancelled: the lead's next event may go. */
export function isFinished(status: DeliveryStatus | undefined): boolean {
  return status === 'delivered' || status === 'failed' || status === 'cancelled';
}

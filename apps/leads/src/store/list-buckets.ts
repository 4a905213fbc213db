/**
 * Where a lead sits in its campaign's list (ADR 014). Leads are numbered per campaign as they are
 * committed and filed in buckets of LEADS_PER_LIST_BUCKET numbers; a list page is read bucket by
 * bucket, each bucket one equality query (`list_bucket: "<campaign>#<n>"`). FerretDB v1 pushes
 * only top-level equality down to PostgreSQL (never a range, a sort or a limit), so this is what
 * keeps a page's cost bounded by a bucket, not by the campaign. MongoDB serves the same queries
 * from the `{list_bucket, created_at, _id}` index.
 */
export const LEADS_PER_LIST_BUCKET = 128;

/** The stored value: campaign and bucket number in one string, so one equality selects one bucket. */
export function listBucketKey(campaignId: string, bucket: number): string {
  return `${campaignId}#${bucket}`;
}

/** The bucket of the lead numbered `position` (0-based) in its campaign. */
export function bucketOfPosition(position: number): number {
  return Math.floor(position / LEADS_PER_LIST_BUCKET);
}

/** The last bucket that may hold leads when `numbered` positions have been handed out; -1 for none. */
export function lastBucket(numbered: number): number {
  return numbered > 0 ? bucketOfPosition(numbered - 1) : -1;
}

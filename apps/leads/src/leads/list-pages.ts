import { LeadDocument } from '@leads/store/lead.schema';

/** Where a page starts: in `bucket`, after the lead (created_at, id); from the bucket's start when id is ''. */
export interface ListPosition {
  bucket: number;
  created_at: string;
  id: string;
}

/** One bucket's leads in scope, in (created_at, _id) order, after `after` when given, at most `limit`. */
export type BucketReader = (
  bucket: number,
  after: { created_at: string; id: string } | null,
  limit: number,
) => Promise<LeadDocument[]>;

/**
 * Buckets one page may read. A filter that matches few leads would otherwise read a whole large
 * campaign for one page; past this many buckets the page ends short, with a cursor to go on from.
 */
export const BUCKETS_PER_PAGE = 16;

/**
 * A list page (API.md §3), read bucket by bucket from `from` up to `lastBucket` (list-buckets.ts):
 * `limit` leads and the position after the last of them, or fewer when the walk reached the end
 * (next is null) or its budget (next is where it stopped).
 */
export async function readPage(
  read: BucketReader,
  lastBucket: number,
  from: ListPosition | null,
  limit: number,
): Promise<{ leads: LeadDocument[]; next: ListPosition | null }> {
  const page: { lead: LeadDocument; bucket: number }[] = [];
  let after = from && from.id !== '' ? { created_at: from.created_at, id: from.id } : null;
  let bucketsRead = 0;
  for (let bucket = from?.bucket ?? 0; bucket <= lastBucket; bucket++, after = null) {
    if (bucketsRead === BUCKETS_PER_PAGE) {
      const leads = page.map((entry) => entry.lead);
      return {
        leads,
        next: page.length === limit ? positionAfter(page[limit - 1]) : { bucket, created_at: '', id: '' },
      };
    }
    // One more than the page needs: finding it says there is a next page.
    const found = await read(bucket, after, limit + 1 - page.length);
    bucketsRead++;
    for (const lead of found) {
      if (page.length === limit)
        return { leads: page.map((entry) => entry.lead), next: positionAfter(page[limit - 1]) };
      page.push({ lead, bucket });
    }
  }
  return { leads: page.map((entry) => entry.lead), next: null };
}

function positionAfter(entry: { lead: LeadDocument; bucket: number }): ListPosition {
  return { bucket: entry.bucket, created_at: entry.lead.created_at, id: entry.lead._id };
}

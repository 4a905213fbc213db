import { LeadDocument } from '@leads/store/lead.schema';
import { BucketReader, BUCKETS_PER_PAGE, ListPosition, readPage } from './list-pages';

/** Buckets as arrays of lead ids; ids sort as the store sorts (created_at, _id) within a bucket. */
function store(buckets: string[][]) {
  const reads: number[] = [];
  const read: BucketReader = async (bucket, after, limit) => {
    reads.push(bucket);
    return (buckets[bucket] ?? [])
      .filter((id) => !after || id > after.id)
      .slice(0, limit)
      .map((id) => ({ _id: id, created_at: id }) as LeadDocument);
  };
  return { read, reads, last: buckets.length - 1 };
}

async function walk(buckets: string[][], limit: number) {
  const { read, last } = store(buckets);
  const pages: string[][] = [];
  let from: ListPosition | null = null;
  do {
    const page: { leads: LeadDocument[]; next: ListPosition | null } = await readPage(read, last, from, limit);
    pages.push(page.leads.map((lead) => lead._id));
    from = page.next;
  } while (from && pages.length < 100);
  return pages;
}

describe('readPage', () => {
  it('reads buckets in order and pages across their edges, every lead once', async () => {
    const buckets = [['a1', 'a2', 'a3'], [], ['c1'], ['d1', 'd2']];
    expect(await walk(buckets, 2)).toEqual([
      ['a1', 'a2'],
      ['a3', 'c1'],
      ['d1', 'd2'],
    ]);
    expect(await walk(buckets, 6)).toEqual([['a1', 'a2', 'a3', 'c1', 'd1', 'd2']]);
  });

  it('stops reading once it found one lead more than the page', async () => {
    const { read, reads, last } = store([['a1', 'a2'], ['b1'], ['c1']]);
    const page = await readPage(read, last, null, 2);
    expect(page.leads.map((lead) => lead._id)).toEqual(['a1', 'a2']);
    expect(page.next).toEqual({ bucket: 0, created_at: 'a2', id: 'a2' });
    expect(reads).toEqual([0, 1]);
  });

  it('answers an empty page and no cursor for a campaign without leads', async () => {
    const { read, reads } = store([]);
    expect(await readPage(read, -1, null, 50)).toEqual({ leads: [], next: null });
    expect(reads).toEqual([]);
  });

  it('ends a page short at its bucket budget, with a cursor that goes on where it stopped', async () => {
    const buckets: string[][] = Array.from({ length: BUCKETS_PER_PAGE * 2 + 1 }, () => []);
    buckets[1] = ['b1'];
    buckets[BUCKETS_PER_PAGE * 2] = ['z1'];
    const { read, reads, last } = store(buckets);
    const first = await readPage(read, last, null, 10);
    expect(first.leads.map((lead) => lead._id)).toEqual(['b1']);
    expect(first.next).toEqual({ bucket: BUCKETS_PER_PAGE, created_at: '', id: '' });
    expect(reads).toHaveLength(BUCKETS_PER_PAGE);
    expect(await walk(buckets, 10)).toEqual([['b1'], [], ['z1']]);
  });
});

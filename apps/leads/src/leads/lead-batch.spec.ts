import { LeadDocument } from '@leads/store/lead.schema';
import { batchBody, chunksOf, commitChunks, validItems } from './lead-batch';
import { Prepared, validationFailed } from './lead-writer';

function lead(id: string): LeadDocument {
  return {
    _id: id,
    account_id: 'acc_1',
    campaign_id: 'cmp_1',
    fields: { name: id },
    select_field_values: {},
    status: 'new',
    relations: {},
    version: 1,
    source: { kind: 'api', id: 'tok_1' },
    created_at: '2026-11-22T10:00:00.000Z',
    updated_at: '2026-11-22T10:00:00.000Z',
    list_bucket: 'cmp_1#0',
  };
}

const invalid: Prepared = { ok: false, problem: validationFailed([{ path: 'fields.name', message: 'required' }]) };

describe('chunksOf', () => {
  it('splits into chunks of at most the size, in order', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 2)).toEqual([]);
  });
});

describe('a batch answer', () => {
  const prepared: Prepared[] = [{ ok: true, lead: lead('ld_a') }, invalid, { ok: true, lead: lead('ld_c') }];

  it('commits only the valid items, keeping their request positions', () => {
    expect(validItems(prepared).map((item) => [item.index, item.lead._id])).toEqual([
      [0, 'ld_a'],
      [2, 'ld_c'],
    ]);
  });

  it('answers one result per item in request order, with the stored lead (a replay gets the first one)', () => {
    const firstAttempt = { ...lead('ld_c'), created_at: '2026-11-21T09:00:00.000Z' };
    const body = batchBody(prepared, {
      stored: new Map([
        [0, lead('ld_a')],
        [2, firstAttempt],
      ]),
      notProcessed: new Set(),
    });
    expect(body.created).toBe(2);
    expect(body.failed).toBe(1);
    expect(body.not_processed).toBe(0);
    expect(body.results.map((result) => [result.index, result.status])).toEqual([
      [0, 'created'],
      [1, 'error'],
      [2, 'created'],
    ]);
    expect(body.results[0]).toMatchObject({ lead: { id: 'ld_a', version: 1 } });
    expect(body.results[1]).toEqual({
      index: 1,
      status: 'error',
      error: {
        type: 'https://leadgate.dev/problems/validation_failed',
        title: 'Validation failed',
        status: 422,
        detail: 'The lead has problems; see errors.',
        errors: [{ path: 'fields.name', message: 'required' }],
      },
    });
    expect(body.results[2]).toMatchObject({ lead: { id: 'ld_c', created_at: '2026-11-21T09:00:00.000Z' } });
  });

  it('refuses to answer for a valid item that was not stored', () => {
    expect(() => batchBody(prepared, { stored: new Map([[0, lead('ld_a')]]), notProcessed: new Set() })).toThrow(
      /item 2/,
    );
  });

  it('answers not_processed for valid items the deadline stopped, counted apart from failures', () => {
    const body = batchBody(prepared, { stored: new Map([[0, lead('ld_a')]]), notProcessed: new Set([2]) });
    expect(body).toMatchObject({ created: 1, failed: 1, not_processed: 1 });
    expect(body.results[2]).toEqual({ index: 2, status: 'not_processed', reason: 'deadline' });
  });
});

describe('commitChunks', () => {
  const items = ['ld_a', 'ld_b', 'ld_c', 'ld_d', 'ld_e'].map((id, index) => ({ index, lead: lead(id) }));

  it('commits chunk after chunk while it may, and starts none after the first it may not', async () => {
    const committed: string[][] = [];
    const answers = [true, true, false, true];
    const outcome = await commitChunks(
      chunksOf(items, 2).concat([[{ index: 5, lead: lead('ld_f') }]]),
      () => answers.shift() ?? true,
      async (leads) => {
        committed.push(leads.map((one) => one._id));
        return leads.map((one) => lead(one._id));
      },
    );
    expect(committed).toEqual([
      ['ld_a', 'ld_b'],
      ['ld_c', 'ld_d'],
    ]);
    expect([...outcome.stored.keys()]).toEqual([0, 1, 2, 3]);
    expect([...outcome.notProcessed]).toEqual([4, 5]);
  });

  it('starts nothing when the deadline passed before the first chunk', async () => {
    const commit = jest.fn();
    const outcome = await commitChunks(chunksOf(items, 2), () => false, commit);
    expect(commit).not.toHaveBeenCalled();
    expect(outcome.notProcessed.size).toBe(5);
  });
});

import { LeadDocument } from '@leads/store/lead.schema';
import { batchBody, chunksOf, validItems } from './lead-batch';
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
    const body = batchBody(
      prepared,
      new Map([
        [0, lead('ld_a')],
        [2, firstAttempt],
      ]),
    );
    expect(body.created).toBe(2);
    expect(body.failed).toBe(1);
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
    expect(() => batchBody(prepared, new Map([[0, lead('ld_a')]]))).toThrow(/item 2/);
  });
});

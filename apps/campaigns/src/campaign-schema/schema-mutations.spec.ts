import {
  addField,
  addSelect,
  addSelectOption,
  addStatus,
  changeStatus,
  removeSelectOption,
  removeStatus,
} from './schema-mutations';
import { SchemaChangeRefused, SchemaPieces } from './schema-pieces';

const base: SchemaPieces = {
  fields: [{ key: 'email', label: 'E-mail', type: 'email', required: true }],
  selects: [{ key: 'select_partner', label: 'Source', options: [{ value: 'SELECT_PARTNER', label: 'Partner' }] }],
  statuses: [{ slug: 'new', label: 'New', is_default: true, order: 0 }],
  relations: [],
};

function refusal(work: () => unknown): SchemaChangeRefused {
  try {
    work();
  } catch (error) {
    if (error instanceof SchemaChangeRefused) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('schema mutations', () => {
  it('refuses duplicate keys, options and slugs with 409', () => {
    expect(refusal(() => addField(base, { key: 'email', label: 'x', type: 'text', required: false })).status).toBe(409);
    expect(refusal(() => addSelectOption(base, 'select_partner', { value: 'SELECT_PARTNER', label: 'x' })).status).toBe(
      409,
    );
    expect(refusal(() => addStatus(base, { slug: 'new', label: 'x' })).status).toBe(409);
    expect(
      refusal(() =>
        addSelect(base, {
          key: 'other',
          label: 'x',
          options: [
            { value: 'A', label: 'a' },
            { value: 'A', label: 'b' },
          ],
        }),
      ).status,
    ).toBe(409);
  });

  it('answers 404 for pieces that do not exist', () => {
    expect(refusal(() => addSelectOption(base, 'nope', { value: 'A', label: 'a' })).status).toBe(404);
    expect(refusal(() => removeSelectOption(base, 'select_partner', 'NOPE')).status).toBe(404);
    expect(refusal(() => removeStatus(base, 'nope')).status).toBe(404);
  });

  it('keeps exactly one default status, in order', () => {
    const withWon = addStatus(base, { slug: 'won', label: 'Won', is_default: true });
    expect(withWon.statuses).toEqual([
      { slug: 'new', label: 'New', is_default: false, order: 0 },
      { slug: 'won', label: 'Won', is_default: true, order: 1 },
    ]);
    expect(refusal(() => removeStatus(withWon, 'won')).status).toBe(409);
    expect(refusal(() => changeStatus(withWon, 'won', { is_default: false })).status).toBe(409);
    const moved = changeStatus(withWon, 'won', { order: 0 });
    expect(moved.statuses.map((status) => [status.slug, status.order])).toEqual([
      ['won', 0],
      ['new', 1],
    ]);
    expect(removeStatus(moved, 'new').statuses).toEqual([{ slug: 'won', label: 'Won', is_default: true, order: 0 }]);
  });
});

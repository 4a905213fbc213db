import { containsNul } from './body-parsing';

describe('containsNul', () => {
  it('finds U+0000 in nested values and keys, and nothing in clean bodies', () => {
    expect(containsNul({ fields: { name: 'Jane' }, list: ['a', 1, null] })).toBe(false);
    expect(containsNul({ fields: { name: 'Ja\u0000ne' } })).toBe(true);
    expect(containsNul({ fields: { ['na\u0000me']: 'x' } })).toBe(true);
    expect(containsNul(['x', ['y\u0000']])).toBe(true);
    expect(containsNul(undefined)).toBe(false);
  });
});

import { duplicateKeyIndexes, isDuplicateKey } from './duplicate-keys';

describe('duplicate keys of an unordered insertMany', () => {
  it('answers the positions that were there already', () => {
    const error = Object.assign(new Error('E11000'), {
      code: 11000,
      writeErrors: [
        { index: 0, code: 11000 },
        { index: 3, code: 11000 },
      ],
    });
    expect(duplicateKeyIndexes(error)).toEqual([0, 3]);
  });

  it('accepts a single write error that is not in an array', () => {
    expect(duplicateKeyIndexes({ writeErrors: { index: 2, code: 11000 } })).toEqual([2]);
  });

  it('rethrows when any item failed for another reason', () => {
    const error = {
      writeErrors: [
        { index: 0, code: 11000 },
        { index: 1, code: 121 },
      ],
    };
    expect(() => duplicateKeyIndexes(error)).toThrow();
  });

  it('rethrows errors without write errors (a lost connection)', () => {
    const error = new Error('connection closed');
    expect(() => duplicateKeyIndexes(error)).toThrow(error);
  });

  it('tells a duplicate key from other errors', () => {
    expect(isDuplicateKey({ code: 11000 })).toBe(true);
    expect(isDuplicateKey(new Error('x'))).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
  });
});

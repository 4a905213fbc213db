import { InvalidFilterError } from './filter-error';

describe('InvalidFilterError', () => {
  it('carries the errors and names them in its message', () => {
    const error = new InvalidFilterError([{ path: 'condition.field', message: 'is unknown' }]);
    expect(error.errors).toEqual([{ path: 'condition.field', message: 'is unknown' }]);
    expect(error.message).toContain('condition.field is unknown');
    expect(error).toBeInstanceOf(Error);
  });
});

import { HttpStatus } from '@nestjs/common';
import { expiryProblems, validationProblem } from './scope-rules';

describe('expiryProblems', () => {
  it('accepts no expiry at all', () => {
    expect(expiryProblems(undefined)).toEqual([]);
    expect(expiryProblems(null)).toEqual([]);
    expect(expiryProblems('')).toEqual([]);
  });

  it('accepts an expiry in the future', () => {
    expect(expiryProblems(new Date(Date.now() + 60_000).toISOString())).toEqual([]);
  });

  it('refuses an expiry in the past or right now: a token born expired is a mistake', () => {
    const problem = [{ path: 'expires_at', message: 'must be in the future' }];
    expect(expiryProblems(new Date(Date.now() - 1000).toISOString())).toEqual(problem);
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00.000Z') });
    try {
      expect(expiryProblems('2026-01-01T00:00:00.000Z')).toEqual(problem);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('validationProblem', () => {
  it('is a 422 validation_failed problem that carries every error', () => {
    const errors = [
      { path: 'scopes.0', message: 'unknown scope' },
      { path: 'expires_at', message: 'must be in the future' },
    ];
    const problem = validationProblem(errors);
    expect(problem.getStatus()).toBe(HttpStatus.UNPROCESSABLE_ENTITY);
    expect(problem.problemType).toBe('validation_failed');
    expect(problem.title).toBe('Validation failed');
    expect(problem.errors).toEqual(errors);
  });
});

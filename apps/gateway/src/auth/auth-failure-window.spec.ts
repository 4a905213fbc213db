import { AuthFailureWindows } from './auth-failure-window';

describe('AuthFailureWindows', () => {
  it('refuses an address after `limit` failures until its window ends, then allows it again', () => {
    const windows = new AuthFailureWindows(3, 60_000);
    const start = 1_000_000;
    for (let failure = 0; failure < 3; failure++) {
      expect(windows.check('10.0.0.1', start + failure).allowed).toBe(true);
      windows.recordFailure('10.0.0.1', start + failure);
    }
    expect(windows.check('10.0.0.1', start + 10_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(windows.check('10.0.0.2', start + 10_000).allowed).toBe(true);
    expect(windows.check('10.0.0.1', start + 60_000).allowed).toBe(true);
  });

  it('counts failures only: an address that never fails is never refused', () => {
    const windows = new AuthFailureWindows(1, 60_000);
    for (let attempt = 0; attempt < 100; attempt++) expect(windows.check('10.0.0.1', attempt).allowed).toBe(true);
  });

  it('keeps at most maxAddresses windows, forgetting ended ones first', () => {
    const windows = new AuthFailureWindows(1, 1000, 2);
    windows.recordFailure('a', 0);
    windows.recordFailure('b', 500);
    windows.recordFailure('c', 1200);
    expect(windows.check('a', 1200).allowed).toBe(true);
    expect(windows.check('b', 1200).allowed).toBe(false);
    expect(windows.check('c', 1200).allowed).toBe(false);
  });
});

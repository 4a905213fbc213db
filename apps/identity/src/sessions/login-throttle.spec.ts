import { FailureWindow } from './login-throttle';

describe('FailureWindow', () => {
  it('refuses after the limit within the window, and lets the key try again once it passed', () => {
    const window = new FailureWindow(3, 60_000);
    const start = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(window.retryAfterSeconds('a@example.com', start + i)).toBe(0);
      window.recordFailure('a@example.com', start + i);
    }
    expect(window.retryAfterSeconds('a@example.com', start + 10)).toBe(60);
    expect(window.retryAfterSeconds('b@example.com', start + 10)).toBe(0);
    expect(window.retryAfterSeconds('a@example.com', start + 60_001)).toBe(0);
  });

  it('forgets a key on success', () => {
    const window = new FailureWindow(1, 60_000);
    window.recordFailure('k', 0);
    expect(window.retryAfterSeconds('k', 1)).toBeGreaterThan(0);
    window.clear('k');
    expect(window.retryAfterSeconds('k', 1)).toBe(0);
  });

  it('keeps at most maxKeys keys', () => {
    const window = new FailureWindow(1, 60_000, 2);
    window.recordFailure('a', 0);
    window.recordFailure('b', 0);
    window.recordFailure('c', 0);
    expect(window.retryAfterSeconds('a', 1)).toBe(0);
    expect(window.retryAfterSeconds('c', 1)).toBeGreaterThan(0);
  });
});

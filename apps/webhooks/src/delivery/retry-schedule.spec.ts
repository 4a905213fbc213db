import { DAY_MS, nextAttemptAt, RETRY_POLICY, retryDelayMs, RetryPolicy, scaledPolicy } from './retry-schedule';

/** Every attempt time of a job that never succeeds, from its first failure at 0. */
function attemptTimes(policy: RetryPolicy, random: () => number): number[] {
  const times = [0];
  for (;;) {
    const next = nextAttemptAt({ failedAttempts: times.length, firstFailedAt: 0 }, times.at(-1)!, policy, random);
    if (next === null) return times;
    times.push(next);
  }
}

describe('retry schedule', () => {
  it('doubles from 10 s up to an hour, with the jitter between half the ceiling and the ceiling', () => {
    const ceilings = [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600].map((s) => s * 1000);
    ceilings.forEach((ceiling, index) => {
      expect(retryDelayMs(index + 1, RETRY_POLICY, () => 0)).toBe(ceiling / 2);
      expect(retryDelayMs(index + 1, RETRY_POLICY, () => 0.5)).toBe((ceiling * 3) / 4);
      expect(retryDelayMs(index + 1, RETRY_POLICY, () => 0.999999)).toBeLessThanOrEqual(ceiling);
    });
  });

  it('the exact schedule for a fixed random: attempt times from the first failure', () => {
    const times = attemptTimes(RETRY_POLICY, () => 0.5).map((ms) => ms / 1000);
    expect(times.slice(0, 11)).toEqual([0, 7.5, 22.5, 52.5, 112.5, 232.5, 472.5, 952.5, 1912.5, 3832.5, 6532.5]);
    // After the ceiling is reached, 45 min apart until the day is over.
    expect(times[11] - times[10]).toBe(2700);
  });

  it('keeps retrying for at least 24 h and stops at the first failure past it, however the jitter falls', () => {
    for (const random of [() => 0, () => 0.5, () => 0.999999, Math.random]) {
      const times = attemptTimes(RETRY_POLICY, random);
      const last = times.at(-1)!;
      expect(last).toBeGreaterThanOrEqual(DAY_MS);
      expect(times.at(-2)!).toBeLessThan(DAY_MS);
      expect(last - DAY_MS).toBeLessThanOrEqual(RETRY_POLICY.capMs);
      expect(times.length).toBeGreaterThan(20);
      expect(times.length).toBeLessThan(70);
    }
  });

  it('gives up only once the first failure is a full window old', () => {
    expect(nextAttemptAt({ failedAttempts: 30, firstFailedAt: 0 }, DAY_MS - 1, RETRY_POLICY, () => 0)).toBe(
      DAY_MS - 1 + 30 * 60 * 1000,
    );
    expect(nextAttemptAt({ failedAttempts: 30, firstFailedAt: 0 }, DAY_MS, RETRY_POLICY, () => 0)).toBeNull();
  });

  it('a scaled policy keeps the shape: every time scaled by the same factor', () => {
    const scaled = attemptTimes(scaledPolicy(0.001), () => 0.5);
    const real = attemptTimes(RETRY_POLICY, () => 0.5);
    expect(scaled.length).toBe(real.length);
    // Each delay is rounded to whole ms: at most half a ms off per attempt so far.
    scaled.forEach((time, index) => expect(Math.abs(time - real[index] * 0.001)).toBeLessThanOrEqual(index / 2));
  });
});

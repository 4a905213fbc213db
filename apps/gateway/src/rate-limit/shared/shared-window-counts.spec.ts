import { phaseOf, SharedWindowCounts, WINDOW_MS, windowStartOf } from './shared-window-counts';

const TOKEN = 'tok_shared';
const start = windowStartOf(phaseOf(TOKEN), 1_800_000_000_000);

describe('shared window counts', () => {
  it('admits up to the limit in a window and answers 429 data until the window ends', () => {
    const counts = new SharedWindowCounts('a');
    const decisions = Array.from({ length: 4 }, () => counts.take(TOKEN, 3, start + 10_000));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions[2]).toMatchObject({ remaining: 0, limit: 3, resetSeconds: 50 });
    expect(decisions[3]).toMatchObject({ remaining: 0, retryAfterSeconds: 50 });
    expect(counts.take(TOKEN, 3, start + WINDOW_MS).allowed).toBe(true);
  });

  it('counts what other replicas reported against this replica', () => {
    const counts = new SharedWindowCounts('a');
    counts.heard('b', { token_id: TOKEN, window_start: start, taken: 4 }, start + 1000);
    counts.heard('c', { token_id: TOKEN, window_start: start, taken: 5 }, start + 1000);
    expect(counts.take(TOKEN, 10, start + 2000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(counts.take(TOKEN, 10, start + 2000).allowed).toBe(false);
  });

  it('keeps the largest count per replica: reports heard twice or out of order change nothing', () => {
    const counts = new SharedWindowCounts('a');
    for (const taken of [3, 5, 4, 5]) counts.heard('b', { token_id: TOKEN, window_start: start, taken }, start + 1000);
    expect(counts.take(TOKEN, 7, start + 2000).remaining).toBe(1);
  });

  it('ignores its own reports read back, and reports of windows that ended', () => {
    const counts = new SharedWindowCounts('a');
    counts.heard('a', { token_id: TOKEN, window_start: start, taken: 9 }, start + 1000);
    counts.heard('b', { token_id: TOKEN, window_start: start - WINDOW_MS, taken: 9 }, start + 1000);
    expect(counts.take(TOKEN, 10, start + 2000).remaining).toBe(9);
  });

  it('follows a replica whose clock is already in the next window', () => {
    const counts = new SharedWindowCounts('a');
    counts.take(TOKEN, 10, start + WINDOW_MS - 10);
    counts.heard('b', { token_id: TOKEN, window_start: start + WINDOW_MS, taken: 6 }, start + WINDOW_MS - 5);
    expect(counts.take(TOKEN, 10, start + WINDOW_MS - 1).remaining).toBe(3);
  });

  it('hands out each changed count once, including the last count of a window that ended', () => {
    const counts = new SharedWindowCounts('a');
    counts.take(TOKEN, 10, start + 1000);
    counts.take(TOKEN, 10, start + 1001);
    expect(counts.changed()).toEqual([{ token_id: TOKEN, window_start: start, taken: 2 }]);
    expect(counts.changed()).toEqual([]);
    counts.take(TOKEN, 10, start + 1002);
    counts.take(TOKEN, 10, start + WINDOW_MS + 1);
    expect(counts.changed()).toEqual([
      { token_id: TOKEN, window_start: start, taken: 3 },
      { token_id: TOKEN, window_start: start + WINDOW_MS, taken: 1 },
    ]);
  });

  it('starts a changed limit afresh, counting from the change on, like the token bucket did', () => {
    const counts = new SharedWindowCounts('a');
    for (let call = 0; call < 5; call++) counts.take(TOKEN, 10, start + 1000);
    counts.heard('b', { token_id: TOKEN, window_start: start, taken: 3 }, start + 1000);
    expect(counts.take(TOKEN, 2, start + 2000)).toMatchObject({ allowed: true, remaining: 1 });
    // What the others admit after the change still counts.
    counts.heard('b', { token_id: TOKEN, window_start: start, taken: 4 }, start + 2000);
    expect(counts.take(TOKEN, 2, start + 3000).allowed).toBe(false);
    expect(counts.take(TOKEN, 2, start + WINDOW_MS + 1)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('gives every token its own phase in the minute, the same on every replica', () => {
    expect(phaseOf(TOKEN)).toBe(phaseOf(TOKEN));
    const phases = new Set(Array.from({ length: 50 }, (_, index) => phaseOf(`tok_${index}`)));
    expect(phases.size).toBeGreaterThan(45);
    for (const phase of phases) expect(phase).toBeLessThan(WINDOW_MS);
  });

  it('forgets tokens whose window ended and was reported', () => {
    const counts = new SharedWindowCounts('a');
    counts.take(TOKEN, 10, start + 1000);
    counts.forgetEnded(start + 3 * WINDOW_MS);
    expect(counts.size).toBe(1); // not yet handed out
    counts.changed();
    counts.forgetEnded(start + 3 * WINDOW_MS);
    expect(counts.size).toBe(0);
  });
});

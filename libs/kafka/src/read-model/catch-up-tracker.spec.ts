import { CatchUpTracker } from './catch-up-tracker';

describe('CatchUpTracker', () => {
  it('is caught up at once when every partition is empty', () => {
    const tracker = new CatchUpTracker([
      { partition: 0, high: '0', low: '0' },
      { partition: 1, high: '5', low: '5' },
    ]);
    expect(tracker.caughtUp).toBe(true);
    expect(tracker.lag).toBe(0);
  });

  it('waits for every non-empty partition to reach its start-time end offset', () => {
    const tracker = new CatchUpTracker([
      { partition: 0, high: '3', low: '0' },
      { partition: 1, high: '2', low: '0' },
    ]);
    expect(tracker.caughtUp).toBe(false);
    expect(tracker.lag).toBe(5);
    tracker.applied(0, '2', '3');
    expect(tracker.caughtUp).toBe(false);
    tracker.applied(1, '0', '2');
    expect(tracker.caughtUp).toBe(false);
    expect(tracker.lag).toBe(1);
    tracker.applied(1, '1', '2');
    expect(tracker.caughtUp).toBe(true);
    expect(tracker.lag).toBe(0);
  });

  it('accepts gaps left by compaction', () => {
    const tracker = new CatchUpTracker([{ partition: 0, high: '100', low: '40' }]);
    tracker.applied(0, '99', '100');
    expect(tracker.caughtUp).toBe(true);
  });

  it('reports lag from the latest fetch after catching up, and stays caught up', () => {
    const tracker = new CatchUpTracker([{ partition: 0, high: '1', low: '0' }], 1000);
    tracker.applied(0, '0', '10', 2000);
    expect(tracker.caughtUp).toBe(true);
    expect(tracker.caughtUpAtMs).toBe(2000);
    expect(tracker.lag).toBe(9);
  });
});

import { Blocker, blockerFreesAt, isFinished, waitingUntil } from './lead-order';

const blocker = (overrides: Partial<Blocker>): Blocker => ({
  _id: 'dlv_1',
  subscription_id: 'whk_1',
  lead_id: 'lead_1',
  lead_version: 1,
  status: 'pending',
  next_attempt_at: '2026-01-01T00:00:10.000Z',
  lease_until: null,
  ...overrides,
});

describe('blockerFreesAt', () => {
  it('is the next attempt of a pending blocker', () => {
    expect(blockerFreesAt(blocker({}))).toBe('2026-01-01T00:00:10.000Z');
  });

  it('is the end of the lease of a blocker being sent', () => {
    const sending = blocker({ status: 'sending', lease_until: '2026-01-01T00:01:00.000Z' });
    expect(blockerFreesAt(sending)).toBe('2026-01-01T00:01:00.000Z');
  });

  it('falls back to the next attempt when a sending blocker has no lease', () => {
    expect(blockerFreesAt(blocker({ status: 'sending', lease_until: null }))).toBe('2026-01-01T00:00:10.000Z');
  });
});

describe('waitingUntil', () => {
  const now = Date.parse('2026-01-01T00:00:00.000Z');

  it('is when the blocker could finish, if that is past the recheck', () => {
    expect(waitingUntil(blocker({ next_attempt_at: '2026-01-01T01:00:00.000Z' }), now, 60_000)).toBe(
      '2026-01-01T01:00:00.000Z',
    );
    const sending = blocker({ status: 'sending', lease_until: '2026-01-01T00:02:00.000Z' });
    expect(waitingUntil(sending, now, 60_000)).toBe('2026-01-01T00:02:00.000Z');
  });

  it('is no sooner than the recheck, however soon the blocker is due again', () => {
    expect(waitingUntil(blocker({}), now, 60_000)).toBe('2026-01-01T00:01:00.000Z');
    expect(waitingUntil(blocker({ next_attempt_at: '2025-12-31T23:59:00.000Z' }), now, 60_000)).toBe(
      '2026-01-01T00:01:00.000Z',
    );
  });
});

describe('isFinished', () => {
  it('frees the next event once delivered, failed or cancelled, not while pending or sending', () => {
    expect(['delivered', 'failed', 'cancelled'].every((status) => isFinished(status as Blocker['status']))).toBe(true);
    expect(isFinished('pending')).toBe(false);
    expect(isFinished('sending')).toBe(false);
    expect(isFinished(undefined)).toBe(false);
  });
});

import { isLiveToken } from './token-state.v1';

describe('isLiveToken', () => {
  const now = Date.parse('2025-05-01T10:00:00.000Z');

  it('is live without revocation and before its expiry (or with none)', () => {
    expect(isLiveToken({ revoked_at: null, expires_at: null }, now)).toBe(true);
    expect(isLiveToken({ revoked_at: null, expires_at: '2025-05-01T10:00:00.001Z' }, now)).toBe(true);
  });

  it('is dead once revoked or at its expiry', () => {
    expect(isLiveToken({ revoked_at: '2025-04-01T00:00:00.000Z', expires_at: null }, now)).toBe(false);
    expect(isLiveToken({ revoked_at: null, expires_at: '2025-05-01T10:00:00.000Z' }, now)).toBe(false);
  });
});

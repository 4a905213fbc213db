import { hashSecret } from '@leadgate/auth-core/tokens/secret-hash';
import { checkPresentedSecret, VerifiableToken } from './presented-secret';

const now = new Date('2026-11-22T12:00:00Z');
const live = (secret: string, validUntil: string | null = null) => ({
  sha256: hashSecret(secret),
  valid_until: validUntil,
});

function token(overrides: Partial<VerifiableToken> = {}): VerifiableToken {
  return { secret_hashes: [live('current')], revoked_at: null, expires_at: null, ...overrides };
}

describe('checkPresentedSecret', () => {
  it('accepts the current secret and refuses any other', () => {
    expect(checkPresentedSecret(token(), 'current', now)).toBe('ok');
    expect(checkPresentedSecret(token(), 'currenT', now)).toBe('wrong_secret');
    expect(checkPresentedSecret(token({ secret_hashes: [] }), 'current', now)).toBe('wrong_secret');
  });

  it('keeps a rotated-out secret only until its grace period ends', () => {
    const rotated = token({ secret_hashes: [live('new'), live('old', '2026-11-22T12:00:30Z')] });
    expect(checkPresentedSecret(rotated, 'old', now)).toBe('ok');
    expect(checkPresentedSecret(rotated, 'old', new Date('2026-11-22T12:00:30Z'))).toBe('wrong_secret');
    expect(checkPresentedSecret(rotated, 'new', new Date('2026-11-23T00:00:00Z'))).toBe('ok');
  });

  it('refuses revoked and expired tokens, but only for the right secret', () => {
    expect(checkPresentedSecret(token({ revoked_at: '2026-11-22T11:00:00Z' }), 'current', now)).toBe('revoked');
    expect(checkPresentedSecret(token({ expires_at: '2026-11-22T12:00:00Z' }), 'current', now)).toBe('expired');
    expect(checkPresentedSecret(token({ expires_at: '2026-11-22T12:00:01Z' }), 'current', now)).toBe('ok');
    expect(checkPresentedSecret(token({ revoked_at: '2026-11-22T11:00:00Z' }), 'guess', now)).toBe('wrong_secret');
  });
});

import { clearedSessionCookie, readSessionCookie, sessionCookie } from './session-cookie';

describe('session cookie', () => {
  it('reads the session among other cookies, the first one only', () => {
    expect(readSessionCookie('a=1; leadgate_session=lgu_x; b=2')).toBe('lgu_x');
    expect(readSessionCookie('leadgate_session=first; leadgate_session=second')).toBe('first');
    expect(readSessionCookie(['a=1', 'leadgate_session=lgu_y'])).toBe('lgu_y');
    expect(readSessionCookie('xleadgate_session=no; other=1')).toBeUndefined();
    expect(readSessionCookie(undefined)).toBeUndefined();
    expect(readSessionCookie(`leadgate_session=${'a'.repeat(9000)}`)).toBeUndefined();
  });

  it('sets HttpOnly, SameSite=Strict and Path=/, and Secure only over HTTPS', () => {
    expect(sessionCookie('lgu_x', false)).toBe('leadgate_session=lgu_x; Path=/; HttpOnly; SameSite=Strict');
    expect(sessionCookie('lgu_x', true)).toBe('leadgate_session=lgu_x; Path=/; HttpOnly; SameSite=Strict; Secure');
    expect(clearedSessionCookie(true)).toBe('leadgate_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict; Secure');
  });
});

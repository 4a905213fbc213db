import { decoyHash, hashPassword, passwordMatches } from './password-hash';

describe('password hash', () => {
  it('checks the password it was made from, and no other', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$4\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('correct horse');
    await expect(passwordMatches('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(passwordMatches('correct horse battery stapler', stored)).resolves.toBe(false);
    await expect(passwordMatches('', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('matches nothing against a decoy or a malformed stored value', async () => {
    await expect(passwordMatches('anything at all', await decoyHash())).resolves.toBe(false);
    await expect(passwordMatches('anything at all', 'plain')).resolves.toBe(false);
    await expect(passwordMatches('anything at all', 'scrypt$x$8$1$salt$hash')).resolves.toBe(false);
  });
});

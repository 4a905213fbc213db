import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';
import { parseSealingKeys } from './secret-keys';
import { newWebhookSecret } from './webhook-secret';

const keyText = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const box = (keys: string) => new SecretBox({ WEBHOOK_SECRET_KEYS: keys });

describe('SecretBox', () => {
  const k1 = keyText('k1');
  const k2 = keyText('k2');

  it('opens what it sealed, and never seals the same secret to the same text', () => {
    const secretBox = box(k1);
    const secret = newWebhookSecret();
    const first = secretBox.seal(secret);
    const second = secretBox.seal(secret);
    expect(first).not.toBe(second);
    expect(first).not.toContain(secret.slice(6));
    expect(secretBox.open(first)).toBe(secret);
    expect(secretBox.open(second)).toBe(secret);
    expect(first.split('.').slice(0, 2)).toEqual(['v1', 'k1']);
  });

  it('rotates: the new first key seals, the old one still opens, and a dropped key opens nothing', () => {
    const sealedBefore = box(k1).seal('whsec_old');
    const rotated = box(`${k2},${k1}`);
    expect(rotated.open(sealedBefore)).toBe('whsec_old');
    expect(rotated.sealedWithOldKey(sealedBefore)).toBe(true);
    const sealedAfter = rotated.seal('whsec_new');
    expect(sealedAfter.split('.')[1]).toBe('k2');
    expect(rotated.sealedWithOldKey(sealedAfter)).toBe(false);
    expect(() => box(k2).open(sealedBefore)).toThrow(/no sealing key "k1"/);
  });

  it('refuses a tampered text, a relabelled key id, and another key under the same id', () => {
    const secretBox = box(k1);
    const sealed = secretBox.seal('whsec_x');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] = body[0] ^ 1;
    const tampered = [...parts.slice(0, 4), body.toString('base64url')].join('.');
    expect(() => secretBox.open(tampered)).toThrow(/does not open/);
    // The same key bytes under another id: the id is authenticated, so relabelling fails.
    const relabelled = box(`k9:${k1.slice(3)}`);
    expect(() => relabelled.open(['v1', 'k9', ...parts.slice(2)].join('.'))).toThrow(/does not open/);
    expect(() => box(keyText('k1')).open(sealed)).toThrow(/does not open/);
    for (const bad of ['', 'v1', 'v2.k1.a.b.c', `${sealed}.x`, 'v1.k1.AAAA.AAAA.AAAA']) {
      expect(() => secretBox.open(bad)).toThrow();
    }
  });

  it('boots only with a well-formed key list, and never puts key bytes in its errors', () => {
    const short = randomBytes(16).toString('base64');
    for (const [text, message] of [
      ['', /no sealing key/],
      [`k1:${short}`, /exactly 32 bytes/],
      [`bad id:${randomBytes(32).toString('base64')}`, /the id must be/],
      [`${k1},${k1}`, /must differ/],
      ['k1', /the id must be/],
    ] as const) {
      expect(() => parseSealingKeys(text)).toThrow(message);
      try {
        parseSealingKeys(text);
      } catch (error) {
        expect((error as Error).message).not.toContain(short);
      }
    }
    expect(() => new SecretBox({})).toThrow(/exactly one of/);
    expect(() => new SecretBox({ WEBHOOK_SECRET_KEYS: k1, WEBHOOK_SECRET_KEYS_FILE: '/x' })).toThrow(/exactly one of/);
  });
});

describe('newWebhookSecret', () => {
  it('is whsec_ and the base64 of 32 fresh random bytes', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => newWebhookSecret()));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    }
  });
});

import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';

describe('audit cursor', () => {
  it('round-trips a position', () => {
    const position = { at: '2026-11-28T01:00:00.000Z', id: 'aud_abc-DEF_123' };
    expect(decodeAuditCursor(encodeAuditCursor(position))).toEqual(position);
  });

  it('refuses anything it did not give out', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [
      'not base64 json',
      encode({ at: 'x' }),
      encode(['2026-11-28T01:00:00.000Z']),
      encode(['yesterday', 'aud_x']),
      encode(['2026-11-28T01:00:00.000Z', { $gt: '' }]),
      encode(['2026-11-28T01:00:00.000Z', 'tok_x']),
    ]) {
      expect(decodeAuditCursor(bad)).toBeNull();
    }
  });
});

import { randomIdPart } from './random-id';

describe('randomIdPart', () => {
  it('gives base64url of exactly the bytes asked for', () => {
    expect(randomIdPart(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomIdPart(12)).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(Buffer.from(randomIdPart(33), 'base64url')).toHaveLength(33);
  });

  it('never repeats, across many refills of its block', () => {
    const seen = new Set<string>();
    // 20,000 ids of 16 bytes: about 78 blocks of 4 KiB, with ids that straddle no block boundary.
    for (let i = 0; i < 20_000; i++) seen.add(randomIdPart(16));
    expect(seen.size).toBe(20_000);
  });

  it('spreads its bits: every byte value turns up, none far more often than the rest', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4_000; i++) for (const byte of Buffer.from(randomIdPart(64), 'base64url')) counts[byte]++;
    // 256,000 bytes: 1,000 expected per value; a fixed or patterned source lands far outside this.
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1_200);
  });

  it('refuses sizes an id never has', () => {
    for (const size of [0, -1, 1.5, 65]) expect(() => randomIdPart(size)).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import * as zlib from 'node:zlib';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('matches the standard check value and the empty input', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
  });

  it('reads strings as UTF-8, the same as their bytes', () => {
    expect(crc32('æøå€')).toBe(crc32(new TextEncoder().encode('æøå€')));
  });

  it('agrees with node:zlib on any input (checked here only, zlib is not used by the library)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(crc32(text)).toBe(zlib.crc32(text));
      }),
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => expect(crc32(bytes)).toBe(zlib.crc32(bytes))));
  });
});

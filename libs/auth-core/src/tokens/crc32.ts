// CRC-32 (IEEE 802.3, the one zip and zlib use), written out here rather than taken from node:zlib so
// that the token format does not depend on a Node version or on a compression module.
const ENCODER = new TextEncoder();
const ASCII_ONLY = /^[\x00-\x7f]*$/;

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of the UTF-8 bytes of `data` (or of the bytes themselves), as an unsigned 32-bit integer. */
export function crc32(data: string | Uint8Array): number {
  if (typeof data === 'string' && !ASCII_ONLY.test(data)) data = ENCODER.encode(data);
  let crc = 0xffffffff;
  if (typeof data === 'string') {
    // ASCII (every token string): each character is its own UTF-8 byte, so no encoding is needed.
    for (let i = 0; i < data.length; i += 1) crc = TABLE[(crc ^ data.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  } else {
    for (const byte of data) crc = TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

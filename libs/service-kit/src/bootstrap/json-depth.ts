/** Deepest JSON nesting any endpoint accepts (objects and arrays); a body beyond it is refused with 400. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * True when the JSON text nests deeper than `max`. One pass over the raw bytes, no recursion and no
 * parse, so a body nested 100,000 deep is refused before anything (JSON.parse, a hash, a handler)
 * could recurse into it. Brackets inside strings do not count; UTF-8 continuation bytes are never
 * ASCII, so scanning bytes is safe. Malformed text is left to the parser.
 */
export function jsonDepthExceeds(body: Uint8Array, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index++) {
    const byte = body[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPEN.has(byte)) {
      if (++depth > max) return true;
    } else if (CLOSE.has(byte)) {
      depth--;
    }
  }
  return false;
}

/** Media types whose bodies are JSON (application/json, application/*+json). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

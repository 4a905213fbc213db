const ASCII_LETTER = /^[A-Za-z]$/;
const REGEX_SYNTAX = /^[\\^$.|?*+()[\]{}/-]$/;

/**
 * A `$regex` source that finds `needle` anywhere, ignoring the case of ASCII letters only: each
 * letter becomes a class (`a` -> `[aA]`), regex syntax is escaped and control characters are
 * spelled `\x{..}` (a raw NUL is refused by MongoDB). No `i` flag: engines fold non-ASCII case
 * differently (FerretDB's Go regexp folds the Kelvin sign into `k`, PCRE need not), so leaving
 * every other character exact makes MongoDB, FerretDB and `asciiLower` agree by construction.
 */
export function containsPattern(needle: string): string {
  let pattern = '';
  for (const char of needle) {
    const code = char.codePointAt(0) ?? 0;
    if (ASCII_LETTER.test(char)) pattern += `[${char.toLowerCase()}${char.toUpperCase()}]`;
    else if (REGEX_SYNTAX.test(char)) pattern += `\\${char}`;
    else if (code < 0x20 || code === 0x7f) pattern += `\\x{${code.toString(16)}}`;
    else pattern += char;
  }
  return pattern;
}

/**
 * Lower-cases A-Z and nothing else: the case folding `contains` uses on both sides (see
 * compile/contains-pattern.ts), identical in every engine, unlike Unicode folding.
 */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) + 32));
}

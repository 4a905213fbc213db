/** An Authorization value of the Bearer scheme (RFC 6750 §2.1; the scheme name is case-insensitive). */
export function isBearerAuthorization(value: string | undefined): boolean {
  return /^bearer\s/i.test(value ?? '');
}

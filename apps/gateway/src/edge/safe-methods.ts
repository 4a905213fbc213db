/** RFC 9110 §9.2.1 safe methods: they change nothing (a retry may repeat them; no CSRF token needed). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string | undefined): boolean {
  return SAFE_METHODS.has(method ?? '');
}

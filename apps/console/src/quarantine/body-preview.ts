/** How long a held post's preview may be before it is cut (the page lists up to 500 posts). */
export const PREVIEW_LENGTH = 240;

/**
 * A held post as one line of text: the JSON as it was received, cut to `max` characters. It is
 * rendered as text, never as markup: a post is whatever a stranger sent.
 */
export function bodyPreview(body: unknown, max = PREVIEW_LENGTH): string {
  if (body === undefined || body === null) return '(empty)';
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const REASONS: Record<string, string> = {
  missing_token: 'No token',
  invalid_token: 'Invalid or expired token',
  insufficient_scope: 'Token without receiver:post',
  wrong_account: 'Token of another account',
};

/** Why the receiver held the post back, in words. */
export function reasonText(reason: string): string {
  return REASONS[reason] ?? reason;
}

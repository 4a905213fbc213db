import { OPAQUE_FILE_TYPE, SERVED_FILE_TYPES } from '@leadgate/contracts';

/** The Content-Type an uploaded file is served with: its uploader's type only if on the safe list. */
export function servedContentType(uploaded: string | null | undefined): string {
  const essence = (uploaded ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return SERVED_FILE_TYPES[essence] ?? OPAQUE_FILE_TYPE;
}

/**
 * `attachment` with the name in both RFC 6266 forms: `filename` as plain ASCII a header can carry
 * (quotes, backslashes, controls and non-ASCII replaced), and `filename*` (RFC 8187, UTF-8,
 * percent-encoded) with the exact name when that differs.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'file';
  if (ascii === filename) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Headers on every file download, whatever its type: never rendered as a page, never sniffed. */
export function downloadHeaders(file: { contentType: string; size: number; filename: string }) {
  return {
    'Content-Type': servedContentType(file.contentType),
    'Content-Length': String(file.size),
    'Content-Disposition': attachmentDisposition(file.filename),
    // A sandboxed, script-less document even if a browser renders it after all.
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  };
}

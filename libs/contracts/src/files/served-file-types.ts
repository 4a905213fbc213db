/**
 * The Content-Types a lead file is downloaded with (API.md §3): its uploader's type only if a
 * browser shows it without running anything of the file — raster images, PDF (the browser's own
 * viewer, outside the origin's scripts) and plain text — and bytes otherwise. Text/html, SVG, XML
 * and anything else a browser might script are served as `application/octet-stream`. The lead
 * service serves by this table and the per-token OpenAPI documents exactly these types.
 */
export const SERVED_FILE_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/gif': 'image/gif',
  'image/webp': 'image/webp',
  'application/pdf': 'application/pdf',
  // A charset of our choosing: a sniffed one (UTF-7) has turned text into script before.
  'text/plain': 'text/plain; charset=utf-8',
};

/** What every other upload is served as. */
export const OPAQUE_FILE_TYPE = 'application/octet-stream';

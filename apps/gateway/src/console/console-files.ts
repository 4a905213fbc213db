import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file of the built console, held in memory with its gzip form and a strong ETag. */
export interface ConsoleFile {
  body: Buffer;
  gzipped: Buffer | null;
  contentType: string;
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);

function load(file: string): ConsoleFile {
  const body = readFileSync(file);
  const extension = path.extname(file);
  const gzipped = COMPRESSIBLE.has(extension) ? gzipSync(body, { level: 9 }) : null;
  return {
    body,
    gzipped: gzipped && gzipped.length < body.length ? gzipped : null,
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}

/** What apps/console/vite.config.mts writes where the page's CSP nonce goes (html.cspNonce). */
export const CSP_NONCE_PLACEHOLDER = '__LEADGATE_CSP_NONCE__';

/**
 * The console's static files (apps/console, built by Vite into dist/console), read once at boot:
 * the page (a template: its nonce is new in every answer), and the hashed assets by their path
 * below /console/assets/. Null when not built.
 */
export function loadConsoleFiles(dir: string): { page: string; assets: Map<string, ConsoleFile> } | null {
  let names: string[];
  try {
    names = readdirSync(path.join(dir, 'assets'));
  } catch {
    return null;
  }
  const assets = new Map(names.map((name) => [name, load(path.join(dir, 'assets', name))]));
  return { page: readFileSync(path.join(dir, 'index.html'), 'utf8'), assets };
}

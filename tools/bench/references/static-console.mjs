// @ts-check
// Reference for the console's first load: the same built files (dist/console) from a bare
// node:http static server, gzipped once at start as the gateway does. No CSP, no logging, no
// routing beyond "asset or page": what the browser needs at the least to start the same app.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const port = Number(process.argv[2]);
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/console');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const load = (/** @type {string} */ file) => ({
  body: gzipSync(readFileSync(file), { level: 9 }),
  type: TYPES[/** @type {keyof TYPES} */ (path.extname(file))] ?? 'application/octet-stream',
});
const page = load(path.join(dir, 'index.html'));
const assets = new Map(
  readdirSync(path.join(dir, 'assets')).map((name) => [name, load(path.join(dir, 'assets', name))]),
);

createServer((request, response) => {
  const url = (request.url ?? '/').split('?')[0];
  const file = url.startsWith('/console/assets/') ? assets.get(url.slice('/console/assets/'.length)) : page;
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': file.type, 'content-encoding': 'gzip' });
  response.end(file.body);
}).listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));

// @ts-check
// Content hashes decide when the slow steps (Maven resolve, Go build) must run again: a stamp
// beside each artifact records the hash of the inputs it was made from.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { dirname } from 'node:path';

export function hashFiles(files) {
  const h = createHash('sha256');
  // Contents only (not paths), so moving the checkout does not invalidate the caches.
  for (const f of files) h.update(fs.readFileSync(f)).update('\0');
  return h.digest('hex');
}

export function readStamp(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function writeStamp(file, stamp) {
  fs.mkdirSync(dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(stamp, null, 2)}\n`);
}

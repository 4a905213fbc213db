import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The platform version from the repository's package.json, found from wherever the code runs (src or dist). */
export function platformVersion(from = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'leadgate' && manifest.version) return manifest.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return '0.0.0-unknown';
    dir = parent;
  }
}

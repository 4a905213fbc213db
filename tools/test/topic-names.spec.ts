// The tools name Kafka topics through libs/contracts (loaded from dist/ by tools/lib/built.mjs),
// never by hand: a renamed or re-versioned topic then reaches benches, drills and the CLI at once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TOPICS } from '@leadgate/contracts';

const toolsDir = path.resolve(__dirname, '..');

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : scripts(full);
    return entry.name.endsWith('.mjs') ? [full] : [];
  });
}

describe('topic names in tools/', () => {
  it('are never written as string literals', () => {
    const literals = Object.values(TOPICS).flatMap((topic) => [`'${topic}'`, `"${topic}"`]);
    const found = scripts(toolsDir).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return literals
        .filter((literal) => text.includes(literal))
        .map((literal) => `${path.relative(toolsDir, file)}: ${literal}`);
    });
    expect(found).toEqual([]);
  });
});

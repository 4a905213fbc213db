import { allProblemTypes, OPERATION_KINDS, OPERATION_SPECS } from '@leadgate/api-docs';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

/** The non-test TypeScript of the services and libraries that answer requests (not the docs themselves). */
function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return ['node_modules', 'api-docs', 'docs', 'console', 'testing'].includes(entry.name) ? [] : serverSources(full);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|d)\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('the problem types the docs page documents', () => {
  it('are each sent by some service (a renamed or removed type fails here, not on a partner)', () => {
    const sources = [...serverSources(path.join(ROOT, 'apps')), ...serverSources(path.join(ROOT, 'libs'))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const documented = allProblemTypes(OPERATION_KINDS.map((kind) => OPERATION_SPECS[kind]));
    const unsent = documented.filter((problem) => !sources.includes(`'${problem.type}'`));
    expect(unsent).toEqual([]);
    expect(documented.length).toBeGreaterThan(20);
  });
});

import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@leadgate/testing';

/** The committed client: compiled only here, against types made from a live document. */
export const CLIENT_DIR = path.join(REPO_ROOT, 'tools/sdk/client');
const CLIENT_FILES = ['partner-client.ts', 'partner-walk.ts', 'partner-walk-report.ts'];

/** A pinned devDependency's CLI with this Node; stdout to a file, which a process.exit never cuts short. */
function run(script: string, args: string[], dir: string) {
  const outFile = path.join(dir, `${path.basename(script)}.out`);
  const out = openSync(outFile, 'w');
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, script), ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', out, 'pipe'],
  });
  closeSync(out);
  return { status: result.status, stdout: readFileSync(outFile, 'utf8'), stderr: result.stderr };
}

/**
 * A partner's CI step: types from `document` with tools/sdk/partner-types.mjs (openapi-typescript),
 * then `tsc --strict --noEmit` of the committed client against them. The folder is under the repo's
 * tmp/ so that `openapi-fetch` resolves from its node_modules, as from a partner's.
 */
export function compileClientAgainst(document: unknown) {
  mkdirSync(path.join(REPO_ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(path.join(REPO_ROOT, 'tmp', 'typed-sdk-'));
  writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(document));
  const generated = run('tools/sdk/partner-types.mjs', ['openapi.json', 'partner-api.d.ts'], dir);
  for (const file of CLIENT_FILES) copyFileSync(path.join(CLIENT_DIR, file), path.join(dir, file));
  const compiled = run(
    'node_modules/typescript/bin/tsc',
    [
      '--strict',
      '--noEmit',
      '--noUnusedLocals',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--types',
      'node',
      'partner-api.d.ts',
      ...CLIENT_FILES,
    ],
    dir,
  );
  const types = generated.status === 0 ? readFileSync(path.join(dir, 'partner-api.d.ts'), 'utf8') : '';
  return { dir, generated, types, compiled };
}

#!/usr/bin/env node
// @ts-check
// The conformance step's Python tools (schemathesis), in a virtualenv of their own under .infra/
// (git-ignored), installed from requirements.txt with pip's hash checking. Idempotent: when the venv
// was made from the same requirements.txt, nothing runs (a few milliseconds).
//
//   node tools/conformance/python-tools.mjs      # install if needed, print schemathesis' version
//
// Needs python3 with the venv module (Debian: python3-venv; .ci/run installs it when missing).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const requirements = path.join(here, 'requirements.txt');
export const VENV_DIR = path.join(root, '.infra', 'conformance-venv');
/** What the venv was made from: the hash of requirements.txt, written last, so a broken install is redone. */
const STAMP = path.join(VENV_DIR, 'requirements.sha256');
export const SCHEMATHESIS = path.join(VENV_DIR, 'bin', 'schemathesis');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Installs the pinned tools unless the venv already holds exactly them; returns the schemathesis path. */
export function ensureConformanceTools({ log = console.log } = {}) {
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(SCHEMATHESIS) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === wanted) {
    return SCHEMATHESIS;
  }
  const started = Date.now();
  log(`[conformance] installing the pinned Python tools into ${path.relative(root, VENV_DIR)}…`);
  // A fresh venv each time the pins change: no package of an older pin set stays behind.
  rmSync(VENV_DIR, { recursive: true, force: true });
  run(process.env.PYTHON ?? 'python3', ['-m', 'venv', VENV_DIR]);
  const pip = path.join(VENV_DIR, 'bin', 'pip');
  // --require-hashes: every package, dependencies included, must match a pinned hash; --no-deps: the
  // file names them all, so pip resolves nothing on its own.
  run(pip, ['install', '--quiet', '--disable-pip-version-check', '--require-hashes', '--no-deps', '-r', requirements]);
  writeFileSync(STAMP, `${wanted}\n`);
  log(`[conformance] installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return SCHEMATHESIS;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    run(ensureConformanceTools(), ['--version']);
  } catch (error) {
    console.error(`[conformance] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

#!/usr/bin/env node
// @ts-check
// Builds the console (apps/console, React + Vite) into dist/console, which the gateway serves at
// /console. tools/build/build.mjs calls this inside its own build, so dist/ always holds a console
// that matches the sources; a console unchanged since the last build is copied, not rebuilt.
import { spawnSync } from 'node:child_process';
import { cp, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONSOLE_ROOT = path.join(root, 'apps/console');
/** The console's sources and what it bundles from the libraries. */
const INPUTS = [CONSOLE_ROOT, path.join(root, 'libs/auth-core/src'), path.join(root, 'libs/field-access/src')];
const STAMP = '.console-build-stamp';

async function newestIn(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let newest = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestIn(full) : (await stat(full)).mtimeMs);
  }
  return newest;
}

/** The newest modification time among the console's inputs (for dist/'s freshness check). */
export async function newestConsoleInput() {
  return Math.max(...(await Promise.all(INPUTS.map(newestIn))));
}

/**
 * Puts the console into `outDir`: copied from `previousDir` when that build is newer than every
 * input, else built with Vite. Answers whether it was rebuilt.
 */
export async function buildConsoleInto(outDir, previousDir) {
  const previous = await stat(path.join(previousDir, STAMP)).catch(() => null);
  if (previous && previous.mtimeMs > (await newestConsoleInput())) {
    await cp(previousDir, outDir, { recursive: true });
    return false;
  }
  const started = new Date();
  // A child process with NODE_ENV=production: under jest (NODE_ENV=test) Vite would otherwise bundle
  // React's development build, and the tests would not check what ships.
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(CONSOLE_ROOT, 'vite.config.mts'),
      '--mode',
      'production',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error(`the console build failed (vite exited ${result.status})`);
  await writeFile(path.join(outDir, STAMP), started.toISOString());
  await utimes(path.join(outDir, STAMP), started, started);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = path.join(root, 'dist/console');
  buildConsoleInto(out, `${out}.none`)
    .then(() => console.log('built the console into dist/console'))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}

#!/usr/bin/env node
// @ts-check
// Compiles apps/*/src and libs/*/src to dist/ with swc (a second or two for the whole repo), and the
// console with Vite into dist/console (tools/build/console.mjs, only when its sources changed).
// Path aliases from tsconfig.base.json are rewritten to relative requires, so `node dist/...`
// runs without a loader. Type errors are caught by `npm run typecheck`, not here.
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsoleInto, newestConsoleInput } from './console.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'dist');

async function sourceFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await sourceFiles(full)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts'))
      files.push(full);
  }
  return files;
}

async function projectSourceDirs() {
  const dirs = [];
  for (const group of ['apps', 'libs']) {
    const projects = await readdir(path.join(root, group), { withFileTypes: true }).catch(() => []);
    for (const project of projects) {
      // The console is a browser app, bundled by Vite (tools/build/console.mjs), not compiled for Node.
      if (project.isDirectory() && !(group === 'apps' && project.name === 'console'))
        dirs.push(path.join(root, group, project.name, 'src'));
    }
  }
  return dirs;
}

/** True when dist/ was built after the last change to any source file (and to the build settings). */
async function isFresh(files) {
  const stampFile = path.join(outDir, '.build-stamp');
  const stamp = await stat(stampFile).catch(() => null);
  if (!stamp) return false;
  const inputs = [...files, path.join(root, '.swcrc'), path.join(root, 'tsconfig.base.json')];
  const newest = Math.max(
    await newestConsoleInput(),
    ...(await Promise.all(inputs.map(async (file) => (await stat(file)).mtimeMs))),
  );
  return newest < stamp.mtimeMs;
}

export async function build({ quiet = false, ifStale = false } = {}) {
  const started = Date.now();
  if (ifStale) {
    const files = (await Promise.all((await projectSourceDirs()).map(sourceFiles))).flat();
    if (await isFresh(files)) {
      if (!quiet) console.log('dist/ is up to date');
      return;
    }
  }
  const swcrc = JSON.parse(await readFile(path.join(root, '.swcrc'), 'utf8'));
  const tsconfig = JSON.parse(await readFile(path.join(root, 'tsconfig.base.json'), 'utf8'));
  const options = {
    ...swcrc,
    swcrc: false,
    jsc: { ...swcrc.jsc, baseUrl: root, paths: tsconfig.compilerOptions.paths },
  };
  // Build beside dist/ and swap it in, so a service starting meanwhile never sees half a build.
  const staging = `${outDir}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const files = (await Promise.all((await projectSourceDirs()).map(sourceFiles))).flat();
  await Promise.all(
    files.map(async (file) => {
      const relative = path.relative(root, file);
      const target = path.join(staging, relative.replace(/\.ts$/, '.js'));
      const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: file });
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
      if (map) await writeFile(`${target}.map`, map);
    }),
  );
  const consoleRebuilt = await buildConsoleInto(path.join(staging, 'console'), path.join(outDir, 'console'));
  await writeFile(path.join(staging, '.build-stamp'), new Date(started).toISOString());
  const retired = `${outDir}.old-${process.pid}`;
  await rename(outDir, retired).catch(() => undefined);
  await rename(staging, outDir);
  await rm(retired, { recursive: true, force: true });
  if (!quiet) {
    const consoleNote = consoleRebuilt ? ' and the console' : '';
    console.log(`built ${files.length} files${consoleNote} into dist/ in ${Date.now() - started} ms`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build({ ifStale: process.argv.includes('--if-stale') }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

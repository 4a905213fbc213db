#!/usr/bin/env node
// @ts-check
// The admin OpenAPI as the running platform serves it at /docs/admin/openapi.json, built offline
// from the services' code: every controller of identity, campaigns, leads, webhooks and the gateway documented as
// `publishApiDocs` documents it, merged as the docs service merges it. The console generates its
// typed client from this (openapi-typescript), so a contract change breaks the console's build.
//
//   node tools/build/admin-openapi.mjs [--check | --print]
//
// writes apps/console/src/api/admin-api.d.ts; --check compares with the committed file instead
// (exit 1 on a difference); --print writes the OpenAPI document to stdout.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuilt } from '../lib/built.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const SERVICES = ['identity', 'campaigns', 'leads', 'gateway', 'webhooks'];
export const COMMITTED_TYPES = path.join(root, 'apps/console/src/api/admin-api.d.ts');

function controllerFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return controllerFiles(full);
    return entry.name.endsWith('.controller.js') ? [full] : [];
  });
}

/** The classes a service's controller files export that Nest would mount (they carry a route path). */
function controllersOf(service) {
  const files = controllerFiles(path.join(root, 'dist/apps', service, 'src'));
  return files
    .flatMap((file) => Object.values(require(file)))
    .filter((value) => typeof value === 'function' && Reflect.getMetadata('path', value) !== undefined);
}

/** The merged admin document, as a JSON string with a trailing newline (stable: the file is committed). */
export async function buildAdminOpenApiJson() {
  /** @type {typeof import('../../libs/api-docs-publishing/src/testing/index.js')} */
  const { openApiOfControllers } = await loadBuilt('libs/api-docs-publishing/src/testing/index.js');
  /** @type {typeof import('../../apps/docs/src/admin-docs/admin-openapi.js')} */
  const { buildAdminOpenApi } = await loadBuilt('apps/docs/src/admin-docs/admin-openapi.js');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const states = [];
  for (const service of SERVICES) {
    const document = await openApiOfControllers(controllersOf(service));
    states.push({ service, version, openapi: JSON.stringify(document), published_at: new Date(0).toISOString() });
  }
  return `${JSON.stringify(buildAdminOpenApi(states), null, 2)}\n`;
}

/** openapi-typescript's types for a document (generated files are left as generated: .prettierignore). */
export function typesOf(openapiJson) {
  const dir = mkdtempSync(path.join(tmpdir(), 'admin-openapi-'));
  try {
    const input = path.join(dir, 'admin-openapi.json');
    const output = path.join(dir, 'admin-api.d.ts');
    writeFileSync(input, openapiJson);
    run('node_modules/openapi-typescript/bin/cli.js', [input, '--output', output, '--root-types']);
    return readFileSync(output, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(script, args) {
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr || result.stdout}`);
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--print')) {
    process.stdout.write(await buildAdminOpenApiJson());
    return;
  }
  const types = typesOf(await buildAdminOpenApiJson());
  const file = path.relative(root, COMMITTED_TYPES);
  if (args.includes('--check')) {
    if (readFileSync(COMMITTED_TYPES, 'utf8') !== types) {
      console.error(`${file} is out of date with the services' code; run: node tools/build/admin-openapi.mjs`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(COMMITTED_TYPES, types);
  console.log(`wrote ${file}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

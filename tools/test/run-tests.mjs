#!/usr/bin/env node
// @ts-check
// `npm test`: typecheck, lint, unit tests, then integration tests against the embedded Kafka and
// FerretDB (brought up here if they are not running, and stopped again afterwards if we started
// them). Ends with one summary line, `tests: N passed, N failed, N skipped`, counted from jest's
// own JSON reports.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { down, infraEnv, status, up } from '../infra/infra.mjs';
import { ensureDependencies } from '../lib/ensure-dependencies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reportDir = path.join(root, 'tmp', 'test-reports');
const args = new Set(process.argv.slice(2));
const only = (name) => !args.has('--unit') || name === 'unit';

function step(label, command, commandArgs, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${label}`);
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC', ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds} s`);
  return result.status === 0;
}

function jest(label, config, reportName) {
  const outputFile = path.join(reportDir, `${reportName}.json`);
  const ok = step(
    label,
    process.execPath,
    [
      'node_modules/jest/bin/jest.js',
      '--config',
      config,
      '--ci',
      '--json',
      `--outputFile=${outputFile}`,
      ...(reportName === 'integration' ? ['--runInBand'] : []),
    ],
    infraEnv(),
  );
  let report = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 };
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    // jest crashed before writing a report; the failed step already says so.
  }
  return { ok, report };
}

const nodeBin = (script) => path.join('node_modules', script);

async function main() {
  ensureDependencies();
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const results = [];
  let failedSteps = 0;

  if (!args.has('--unit') && !args.has('--no-static')) {
    if (
      !step('typecheck', process.execPath, [
        nodeBin('nx/dist/bin/nx.js'),
        'run-many',
        '-t',
        'typecheck',
        '--outputStyle=static',
      ])
    )
      failedSteps++;
    if (
      !step('lint', process.execPath, [nodeBin('nx/dist/bin/nx.js'), 'run-many', '-t', 'lint', '--outputStyle=static'])
    )
      failedSteps++;
  }

  const unit = jest('unit tests', 'jest.unit.config.cjs', 'unit');
  results.push(unit);

  if (only('integration')) {
    const infraWasUp = (await status()).ok;
    try {
      if (!infraWasUp) await up();
      results.push(jest('integration tests (real Kafka and FerretDB)', 'jest.integration.config.cjs', 'integration'));
    } finally {
      if (!infraWasUp && !process.env.LEADGATE_KEEP_INFRA) await down();
    }
  }

  const sum = (key) => results.reduce((total, { report }) => total + (report[key] ?? 0), 0);
  const passed = sum('numPassedTests');
  const failed = sum('numFailedTests');
  const skipped = sum('numPendingTests') + sum('numTodoTests');
  const ok = failedSteps === 0 && results.every((result) => result.ok) && failed === 0 && passed > 0;
  console.log(`\n${failedSteps} static check(s) failed`);
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

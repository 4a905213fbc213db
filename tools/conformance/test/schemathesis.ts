import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@leadgate/testing';

/** The parts of schemathesis' JSON run report (`--report json`) the conformance test reads. */
export interface SchemathesisReport {
  seed: number;
  complete: boolean;
  exit_code: number;
  running_time: number;
  operations: { total: number; selected: number; tested: number; errored: number; skipped: number };
  test_cases: { generated: number; with_failures: number; unique_failures: number; errored: number };
  failures: { code: string; title: string; count: number; operations: string[] }[];
  errors: unknown[];
  warnings: Record<string, unknown[]>;
}

export interface SchemathesisRun {
  report: SchemathesisReport;
  /** The seed as printed (the report's number is wider than a double): SCHEMATHESIS_SEED replays it. */
  seed: string;
  /** Where the CLI's own output (each failure with a curl to reproduce it), the report and the spec stay. */
  dir: string;
}

export interface SchemathesisOptions {
  /** Names the folder under tmp/conformance/ that keeps this run's spec, output and report. */
  label: string;
  /** The OpenAPI document to test, as the platform served it. */
  document: unknown;
  baseUrl: string;
  /** The Bearer token, given to the documents' security schemes (schemathesis.toml). */
  token: string;
  maxExamples: number;
  /** Values schemathesis.toml reads (`${NAME}`), e.g. a real list cursor. */
  env?: Record<string, string>;
  /** More CLI arguments: operation filters, each with its reason beside it at the caller. */
  args?: string[];
}

const CONFORMANCE_DIR = path.join(REPO_ROOT, 'tools', 'conformance');

/** Installs the pinned tools if needed (fast when they are) and returns the schemathesis executable. */
export function conformanceTools(): string {
  const result = spawnSync(process.execPath, [path.join(CONFORMANCE_DIR, 'python-tools.mjs')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`conformance tools: ${result.stdout}${result.stderr}`);
  return path.join(REPO_ROOT, '.infra/conformance-venv/bin/schemathesis');
}

/**
 * `schemathesis run` with its default checks (all of them) and phases against `baseUrl`, as `token`,
 * with tools/conformance/schemathesis.toml (each narrowing there says why) and hooks.py.
 * Runs in tmp/conformance/<label> (git-ignored), which keeps the spec, the CLI's output (a file,
 * never a pipe that could be cut short) and its JSON report for whoever reads a failure.
 */
export async function runSchemathesis(executable: string, options: SchemathesisOptions): Promise<SchemathesisRun> {
  const dir = path.join(REPO_ROOT, 'tmp', 'conformance', options.label);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const spec = path.join(dir, 'openapi.json');
  writeFileSync(spec, JSON.stringify(options.document, null, 2));
  const outFile = path.join(dir, 'output.txt');
  const out = openSync(outFile, 'w');
  // Not spawnSync: a blocked event loop misses the services closing idle keep-alive sockets, and
  // the test's next fetch would pick a dead one.
  const child = spawn(
    executable,
    [
      `--config-file=${path.join(CONFORMANCE_DIR, 'schemathesis.toml')}`,
      'run',
      spec,
      `--url=${options.baseUrl}`,
      `--max-examples=${options.maxExamples}`,
      '--request-timeout=30',
      '--generation-database=none',
      '--report=json',
      `--report-json-path=${path.join(dir, 'report.json')}`,
      '--no-color',
      // A failure named by its seed can be replayed: SCHEMATHESIS_SEED=<seed> runs the same cases.
      ...(process.env['SCHEMATHESIS_SEED'] ? [`--seed=${process.env['SCHEMATHESIS_SEED']}`] : []),
      ...(options.args ?? []),
    ],
    {
      cwd: dir,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        ...options.env,
        CONFORMANCE_TOKEN: options.token,
        SCHEMATHESIS_HOOKS: path.join(CONFORMANCE_DIR, 'hooks.py'),
      },
    },
  );
  await once(child, 'close');
  closeSync(out);
  const reportFile = path.join(dir, 'report.json');
  if (!existsSync(reportFile)) throw new Error(`schemathesis wrote no report:\n${readFileSync(outFile, 'utf8')}`);
  const text = readFileSync(reportFile, 'utf8');
  const report = JSON.parse(text) as SchemathesisReport;
  return { report, seed: /"seed":\s*(\d+)/.exec(text)?.[1] ?? String(report.seed), dir };
}

/** One line for the log: what was tested and what it found. */
export function summary(label: string, { report, seed }: SchemathesisRun): string {
  const { operations, test_cases: cases } = report;
  const failures = report.failures.reduce((total, failure) => total + failure.count, 0);
  return (
    `[schemathesis ${label}] ${operations.tested}/${operations.selected} operations, ${cases.generated} cases, ` +
    `${failures} failures, ${report.errors.length} errors in ${report.running_time.toFixed(1)} s (seed ${seed})`
  );
}

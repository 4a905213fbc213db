import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, KAFKA_BROKERS, MONGO_URL, testKeyEnv } from './test-env';
import { waitFor } from './wait-for';

const root = path.resolve(__dirname, '../../..');

/**
 * Every service process a test starts leaves a pid file here until it exits, so the global
 * teardown (another module registry, another `process` object) can kill what a failed test left.
 */
export const PID_DIR = path.join(root, 'tmp', 'test-pids');

export type AppName = 'gateway' | 'identity' | 'campaigns' | 'leads' | 'docs';

export interface RunningService {
  app: AppName;
  url: string;
  port: number;
  /** The management listener (loopback): /metrics and detailed readiness. */
  managementUrl: string;
  managementPort: number;
  process: ChildProcess;
  logFile: string;
  /** Resolves with the exit code once the process has gone. */
  exited: Promise<number | null>;
  /** SIGTERM and wait: the graceful path. */
  stop(): Promise<number | null>;
  /** SIGKILL: the crash path. */
  kill(): Promise<number | null>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Wait for /health/ready to answer 200 (default) or only for the port to answer /health/live. */
  waitFor?: 'ready' | 'live' | 'nothing';
  timeoutMs?: number;
}

/**
 * Starts a real service process from dist/ (built by the global setup) on a free port, with its
 * log in tmp/test-logs/, and waits until it is ready.
 */
export async function startService(app: AppName, options: StartOptions = {}): Promise<RunningService> {
  const port = Number(options.env?.['PORT'] ?? (await freePort()));
  const managementPort = Number(options.env?.['MANAGEMENT_PORT'] ?? (await freePort()));
  const logDir = path.join(root, 'tmp', 'test-logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${app}-${port}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/apps', app, 'src/main.js')], {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      KAFKA_BROKERS,
      MONGO_URL,
      ...testKeyEnv(app),
      ...options.env,
      PORT: String(port),
      MANAGEMENT_PORT: String(managementPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const pidFile = path.join(PID_DIR, String(child.pid));
  mkdirSync(PID_DIR, { recursive: true });
  writeFileSync(pidFile, app);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      rmSync(pidFile, { force: true });
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;

  const service: RunningService = {
    app,
    url,
    port,
    managementUrl: `http://127.0.0.1:${managementPort}`,
    managementPort,
    process: child,
    logFile,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };

  const mode = options.waitFor ?? 'ready';
  if (mode !== 'nothing') {
    const probePath = mode === 'ready' ? '/health/ready' : '/health/live';
    let gone = false;
    void exited.then(() => (gone = true));
    await waitFor(
      `${app} ${probePath} on port ${port} (log: ${logFile})`,
      async () => {
        if (gone) throw new Error(`${app} exited early; see ${logFile}`);
        // The management listener opens right after the public port: once it answers, both do.
        const response = await fetch(`${service.managementUrl}${probePath}`);
        return response.status === 200 ? true : undefined;
      },
      options.timeoutMs ?? 45000,
      50,
    );
  }
  return service;
}

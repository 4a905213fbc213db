import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { waitUntilReady } from './readiness';
import { REPO_ROOT } from './repo-root';
import { runPidDir } from './test-run-pids';
import { freePort, KAFKA_BROKERS, MONGO_URL, testKeyEnv } from './test-env';

export type AppName = 'gateway' | 'identity' | 'campaigns' | 'leads' | 'docs' | 'webhooks';

export interface RunningService {
  app: AppName;
  url: string;
  port: number;
  /** The management listener (loopback): /metrics and detailed readiness. */
  managementUrl: string;
  managementPort: number;
  process: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (or the signal) once the process has gone. */
  exited: Promise<number | string | null>;
  /** SIGTERM and wait: the graceful path. */
  stop(): Promise<number | string | null>;
  /** SIGKILL: the crash path. */
  kill(): Promise<number | string | null>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /**
   * What the service's environment starts from (PATH is always added): by default a test service's
   * (NODE_ENV test, the test infrastructure and the test keys). A bench passes its own.
   */
  baseEnv?: Record<string, string>;
  /** Node flags before the entry file: --enable-source-maps by default, a bench's --cpu-prof. */
  nodeArgs?: string[];
  /** Where stdout and stderr go; tmp/test-logs/<app>-<port>.log by default. */
  logFile?: string;
  /** A pid file per process for the global teardown (default); null for processes tests do not own. */
  pidDir?: string | null;
  /** Wait for /health/ready to answer 200 (default) or only for the port to answer /health/live. */
  waitFor?: 'ready' | 'live' | 'nothing';
  timeoutMs?: number;
}

function testBaseEnv(app: AppName): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    KAFKA_BROKERS,
    MONGO_URL,
    ...testKeyEnv(app),
    // Test receivers listen on loopback over plain http (API.md §12 lets the operator allow that).
    ...(app === 'webhooks' ? { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } : {}),
  };
}

/**
 * Starts a real service process from dist/ on a free port (unless env names one), with its log in
 * a file, and waits until it is ready; a service that does not get ready is killed, not left behind.
 */
export async function startService(app: AppName, options: StartOptions = {}): Promise<RunningService> {
  const port = Number(options.env?.['PORT'] ?? (await freePort()));
  const managementPort = Number(options.env?.['MANAGEMENT_PORT'] ?? (await freePort()));
  const logFile = options.logFile ?? path.join(REPO_ROOT, 'tmp', 'test-logs', `${app}-${port}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const entry = path.join(REPO_ROOT, 'dist/apps', app, 'src/main.js');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? ['--enable-source-maps']), entry], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      ...(options.baseEnv ?? testBaseEnv(app)),
      ...options.env,
      PORT: String(port),
      MANAGEMENT_PORT: String(managementPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const pidDir = options.pidDir === undefined ? runPidDir() : options.pidDir;
  const pidFile = pidDir === null ? null : path.join(pidDir, String(child.pid));
  if (pidDir !== null && pidFile !== null) {
    mkdirSync(pidDir, { recursive: true });
    writeFileSync(pidFile, app);
  }
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => {
      if (pidFile !== null) rmSync(pidFile, { force: true });
      resolve(code ?? signal);
    }),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  const service: RunningService = {
    app,
    url: `http://127.0.0.1:${port}`,
    port,
    managementUrl: `http://127.0.0.1:${managementPort}`,
    managementPort,
    process: child,
    logFile,
    exited,
    stop: async () => {
      if (running()) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (running()) child.kill('SIGKILL');
      return exited;
    },
  };

  const mode = options.waitFor ?? 'ready';
  if (mode !== 'nothing') {
    // The management listener opens right after the public port: once it answers, both do.
    await waitUntilReady(service.managementUrl, {
      exited,
      timeoutMs: options.timeoutMs ?? 45000,
      what: `${app} on port ${port} (log: ${logFile})`,
      probePath: mode === 'ready' ? '/health/ready' : '/health/live',
    }).catch(async (error: unknown) => {
      await service.kill();
      throw error;
    });
  }
  return service;
}

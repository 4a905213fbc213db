import { AppName, RunningService, startService, uniqueRunId } from '@leadgate/testing';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';

const APPS: AppName[] = ['gateway', 'identity', 'campaigns', 'leads', 'docs', 'webhooks'];
const root = path.resolve(__dirname, '../../..');

/** What every service promises operators: health, metrics, request ids, problem+json, clean shutdown. */
describe.each(APPS)('%s service runtime', (app) => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(app, { env: { MONGO_DATABASE: `${uniqueRunId()}_${app}` } });
  });

  afterAll(async () => {
    await service.kill();
  });

  it('is live and ready on its public port, with a status and nothing else', async () => {
    const live = await fetch(`${service.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${service.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });
  });

  it('serves no /metrics and no detail on its public port', async () => {
    const metrics = await fetch(`${service.url}/metrics`);
    expect(metrics.status).toBe(404);
    const text = await metrics.text();
    expect(text).not.toContain('http_server_request_duration_seconds');
    for (const path of ['/health/ready', '/health/live']) {
      const body = await (await fetch(`${service.url}${path}`)).text();
      expect(body).not.toMatch(/checks|kafka|brokers|group|lag|entries|version|instance/);
    }
  });

  it('says which checks made it ready on the management listener', async () => {
    const ready = await fetch(`${service.managementUrl}/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { service: string; checks: Record<string, { ready: boolean }> };
    expect(body.service).toBe(app);
    expect(body.checks['kafka']?.ready).toBe(true);
    expect(body.checks['read_models']?.ready).toBe(true);
    if (app !== 'gateway' && app !== 'docs') expect(body.checks['database']?.ready).toBe(true);
    const live = await fetch(`${service.managementUrl}/health/live`);
    expect(await live.json()).toMatchObject({ status: 'ok', service: app });
  });

  it('serves Prometheus metrics on the management listener, including the requests it answered', async () => {
    await fetch(`${service.url}/health/live`);
    const metrics = await fetch(`${service.managementUrl}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toMatch(
      new RegExp(
        `http_server_request_duration_seconds_count\\{service="${app}",method="GET",route="/health/live",status="200"\\} [1-9]`,
      ),
    );
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('binds the management listener to loopback by default', async () => {
    const logged = readFileSync(service.logFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('management listening'))
      .map((line) => JSON.parse(line) as { host: string; port: number });
    expect(logged).toEqual([expect.objectContaining({ host: '127.0.0.1', port: service.managementPort })]);
    // From another address of this machine, if it has one, nothing answers on that port.
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
    if (outside) {
      await expect(fetch(`http://${outside}:${service.managementPort}/metrics`)).rejects.toThrow();
    }
  });

  it('echoes a safe request id, replaces an unsafe one, and answers unknown routes with problem+json', async () => {
    const echoed = await fetch(`${service.url}/no-such-route`, { headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-123');
    expect(echoed.status).toBe(404);
    expect(echoed.headers.get('content-type')).toContain('application/problem+json');
    expect(await echoed.json()).toMatchObject({ status: 404, title: 'Not found', instance: '/no-such-route' });

    const unsafe = await fetch(`${service.url}/health/live`, { headers: { 'x-request-id': 'bad id\twith tabs' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shuts down cleanly on SIGTERM and logs JSON lines', async () => {
    const code = await service.stop();
    expect(code).toBe(0);
    const lines = readFileSync(service.logFile, 'utf8').trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(lines.some((line) => (JSON.parse(line) as { message?: string }).message === 'stopped')).toBe(true);
  });
});

// The gateway streams bodies through to the service of each route; its limits are tested in apps/gateway.
describe.each(APPS.filter((app) => app !== 'gateway'))('%s body parsing', (app) => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(app, { env: { MONGO_DATABASE: `${uniqueRunId()}_${app}` } });
  });

  afterAll(async () => {
    await service.kill();
  });

  it('answers malformed and oversized bodies with problem+json and no stack trace', async () => {
    const malformed = await fetch(`${service.url}/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken": ',
    });
    expect(malformed.status).toBe(400);
    const problem = (await malformed.json()) as { type: string; detail: string };
    expect(problem.type).toContain('malformed_body');
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.js|SyntaxError/);

    const oversized = await fetch(`${service.url}/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(oversized.status).toBe(413);
    expect(oversized.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('configuration validated at boot', () => {
  it('refuses to start without the gateway verify key, naming the variable', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'dist/apps/leads/src/main.js')], {
      env: { PATH: process.env['PATH'] ?? '', KAFKA_BROKERS: 'not-a-broker' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PRINCIPAL_VERIFY_KEY');
    expect(result.stderr).toContain('KAFKA_BROKERS');
  });
});

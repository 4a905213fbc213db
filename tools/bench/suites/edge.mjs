// @ts-check
// 1. Edge cost: GET /v1/me answered by the gateway itself (NestJS on Fastify; Bearer check against the local read
// model, rate-limit bucket, JSON log line, metrics) vs a bare node:http server and a bare NestJS
// app giving the same answer: same load, same run.
import { load, ratio, round } from '../lib/load.mjs';
import { cpuMs } from '../lib/cpu-time.mjs';
import { startReference } from '../lib/reference.mjs';

export async function edge({ cluster, world, settings, log }) {
  const gateway = cluster.platform.gateways[0];
  const bareServer = await startReference('bare-http');
  const nestServer = await startReference('nest-hello');
  const options = { connections: settings.connections, duration: settings.loadSeconds };
  const targets = {
    bare: { url: `${bareServer.url}/v1/me`, pid: bareServer.pid },
    framework: { url: `${nestServer.url}/v1/me`, pid: nestServer.pid },
    me: { url: `${gateway.url}/v1/me`, headers: { authorization: `Bearer ${world.adminToken}` }, pid: gateway.pid },
  };
  try {
    log('edge: warm-up');
    for (const { pid: _pid, ...target } of Object.values(targets)) await load({ ...target, ...options, duration: 1 });
    const measured = {};
    for (const [name, { pid, ...target }] of Object.entries(targets)) {
      log(`edge: ${name}, ${settings.connections} connections, ${settings.loadSeconds} s`);
      const cpuBefore = cpuMs(pid);
      const result = await load({ ...target, ...options });
      const cpuAfter = cpuMs(pid);
      const cpuUsPerRequest =
        cpuBefore === null || cpuAfter === null ? null : round((1000 * (cpuAfter - cpuBefore)) / result.total, 0);
      measured[name] = { ...result, cpuUsPerRequest };
    }
    const { bare, framework, me } = measured;
    return {
      title: 'Edge cost: GET /v1/me at the gateway vs bare node:http and bare NestJS on Fastify',
      load:
        `autocannon in the bench process, ${settings.connections} connections, ${settings.loadSeconds} s each, one after the other; ` +
        'server CPU: user + system time of the answering process over the run (/proc), per request',
      rows: [
        { case: 'bare node:http, fixed JSON (reference)', ...summary(bare) },
        {
          case: 'bare NestJS 11 + Fastify, the gateway adapter, same JSON (framework floor)',
          ...summary(framework),
          vs_reference: `${ratio(framework.rps, bare.rps)}x req/s`,
        },
        {
          case: 'gateway GET /v1/me (Bearer token)',
          ...summary(me),
          vs_reference: `${ratio(me.rps, bare.rps)}x req/s of node:http, ${ratio(me.rps, framework.rps)}x of NestJS`,
        },
      ],
      raw: measured,
    };
  } finally {
    await bareServer.stop();
    await nestServer.stop();
  }
}

/** autocannon reports whole milliseconds: "<1" rather than a 0 that would read as free. */
const ms = (value) => (value < 1 ? '<1' : round(value, 1));

export function summary(result) {
  return {
    'req/s': round(result.rps, 0),
    'p50 ms': ms(result.p50),
    'p99 ms': ms(result.p99),
    ...(result.cpuUsPerRequest === undefined ? {} : { 'server CPU µs/req': result.cpuUsPerRequest ?? '—' }),
    ok: result.ok,
    errors: result.errors,
  };
}

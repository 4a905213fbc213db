// 1. Edge cost: GET /v1/me answered by the gateway itself (Bearer check against the local read
// model, rate-limit bucket, JSON log line, metrics) vs a bare node:http server, same load, same run.
import { load, ratio, round } from '../lib/load.mjs';
import { startReference } from '../lib/reference.mjs';

export async function edge({ cluster, world, settings, log }) {
  const gateway = cluster.platform.gateways[0];
  const reference = await startReference('bare-http');
  const options = { connections: settings.connections, duration: settings.loadSeconds };
  try {
    log(`edge: warm-up`);
    await load({ url: `${reference.url}/v1/me`, ...options, duration: 1 });
    await load({
      url: `${gateway.url}/v1/me`,
      headers: { authorization: `Bearer ${world.adminToken}` },
      ...options,
      duration: 1,
    });
    log(`edge: bare node:http, ${settings.connections} connections, ${settings.loadSeconds} s`);
    const bare = await load({ url: `${reference.url}/v1/me`, ...options });
    log(`edge: gateway GET /v1/me`);
    const me = await load({
      url: `${gateway.url}/v1/me`,
      headers: { authorization: `Bearer ${world.adminToken}` },
      ...options,
    });
    return {
      title: 'Edge cost: GET /v1/me at the gateway vs bare node:http',
      load: `autocannon, ${settings.connections} connections, ${settings.loadSeconds} s each`,
      rows: [
        { case: 'bare node:http (reference)', ...summary(bare) },
        {
          case: 'gateway GET /v1/me',
          ...summary(me),
          vs_reference: `${ratio(me.rps, bare.rps)}x req/s, ${ratio(me.p50, bare.p50)}x p50`,
        },
      ],
      raw: { bare, me },
    };
  } finally {
    await reference.stop();
  }
}

export function summary(result) {
  return {
    'req/s': round(result.rps, 0),
    'p50 ms': round(result.p50, 1),
    'p99 ms': round(result.p99, 1),
    ok: result.ok,
    errors: result.errors,
  };
}

import { ServiceMetrics } from '@leadgate/observability';
import { Principal, PrincipalSigner, SHED_HEADER } from '@leadgate/service-kit';
import { generateKeyPairSync } from 'node:crypto';
import express from 'express';
import { AddressInfo, connect, createServer as createTcpServer, Server as TcpServer, Socket } from 'node:net';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { Logger } from 'pino';
import { GatewayConfig } from '@gateway/config';
import { Route } from './route-table';
import { UpstreamPools } from './upstream-pools';
import { UpstreamProxy } from './upstream-proxy';

// Real sockets on the loopback address, no services: the retry rules depend on what the network did.

const principal: Principal = {
  token_id: 'tok_1',
  account_id: 'acc_1',
  kind: 'account',
  scopes: ['leads:read', 'leads:write'],
  campaign_id: null,
  filter_id: null,
};
const route = { method: 'ANY', pattern: '/v1/x', upstream: 'leads', auth: { kind: 'public' } } as Route;
const quietLogger = { info: () => undefined, warn: () => undefined } as unknown as Logger;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function listening<S extends Server | TcpServer>(server: S): Promise<S> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function urlOf(server: Server | TcpServer): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A replica that answers 200 with what it received. */
async function workingReplica() {
  const received: { method: string; body: string }[] = [];
  const framing: { url: string; length?: string; chunked: boolean }[] = [];
  const server = await listening(
    createServer((request: IncomingMessage, response) => {
      let body = '';
      framing.push({
        url: request.url ?? '',
        length: request.headers['content-length'],
        chunked: request.headers['transfer-encoding'] !== undefined,
      });
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ method: request.method ?? '', body });
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echoed: body }));
      });
    }),
  );
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: urlOf(server), received, framing, server };
}

/** A port where nothing listens: every connection is refused. */
async function refusingReplica(): Promise<string> {
  const server = await listening(createTcpServer());
  const url = urlOf(server);
  await new Promise((resolve) => server.close(resolve));
  return url;
}

/** Accepts the connection and resets it as soon as the request starts arriving: no answer at all. */
async function resettingReplica(): Promise<string> {
  const server = await listening(
    createTcpServer((socket: Socket) => socket.once('data', () => socket.resetAndDestroy())),
  );
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return urlOf(server);
}

/** A replica that answers 200 after `delayMs`, and keeps the signed principals it was sent. */
async function slowReplica(delayMs: number) {
  const principals: Record<string, unknown>[] = [];
  const server = await listening(
    createServer((request, response) => {
      const encoded = String(request.headers['x-leadgate-principal']);
      principals.push(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Record<string, unknown>);
      request.resume();
      const timer = setTimeout(() => response.writeHead(200).end('{}'), delayMs);
      response.on('close', () => clearTimeout(timer));
    }),
  );
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: urlOf(server), principals };
}

/** A saturated replica: every call is shed (503 before anything started), as a full bulkhead does. */
async function sheddingReplica() {
  const received: string[] = [];
  const server = await listening(
    createServer((request, response) => {
      received.push(request.method ?? '');
      request.resume();
      response
        .writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1', [SHED_HEADER]: 'saturated' })
        .end(JSON.stringify({ status: 503, type: 'saturated' }));
    }),
  );
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: urlOf(server), received };
}

/** A gateway whose one route forwards to the leads pool. */
async function gatewayFor(leads: string[], timing: Partial<GatewayConfig> = {}) {
  const config = {
    IDENTITY_URL: ['http://127.0.0.1:9'],
    CAMPAIGNS_URL: ['http://127.0.0.1:9'],
    LEADS_URL: leads,
    DOCS_URL: ['http://127.0.0.1:9'],
    WEBHOOKS_URL: ['http://127.0.0.1:9'],
    BODY_LIMIT_BYTES: 1024 * 1024,
    FILE_UPLOAD_LIMIT_BYTES: 1024 * 1024,
    UPSTREAM_TIMEOUT_MS: 5000,
    UPSTREAM_COMMIT_MARGIN_MS: 1000,
    UPSTREAM_HEALTH_INTERVAL_MS: 1000,
    ...timing,
  } as GatewayConfig;
  // No onModuleInit: no active checks here, so only the proxy's own ejections change health.
  const pools = new UpstreamPools(config, quietLogger, new ServiceMetrics('gateway-test'));
  const proxy = new UpstreamProxy(config, new PrincipalSigner(generateKeyPairSync('ed25519').privateKey), pools);
  const app = express();
  app.all('/v1/x', (request, response) => void proxy.forward(request, response, route, principal));
  const server = await listening(createServer(app));
  closers.push(async () => {
    proxy.onModuleDestroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const pool = pools.pools.leads;
  return {
    pool,
    port: (server.address() as AddressInfo).port,
    call: async (method: string, body?: string) => {
      const response = await fetch(`${urlOf(server)}/v1/x`, {
        method,
        body,
        headers: body ? { 'content-type': 'application/json' } : {},
      });
      return {
        status: response.status,
        text: await response.text(),
        type: response.headers.get('content-type'),
        headers: response.headers,
      };
    },
  };
}

describe('UpstreamProxy with several replicas', () => {
  it('sends a POST refused by one replica to the next, with its body intact, and ejects the refusing one', async () => {
    const working = await workingReplica();
    const gateway = await gatewayFor([await refusingReplica(), working.url]);
    const body = JSON.stringify({ fields: { name: 'Jane' }, padding: 'x'.repeat(200_000) });

    const answer = await gateway.call('POST', body);

    expect(answer.status).toBe(200);
    expect(working.received).toEqual([{ method: 'POST', body }]);
    expect(gateway.pool.healthyCount()).toBe(1);
    expect((await gateway.call('POST', '{"n":2}')).status).toBe(200);
    expect(working.received).toHaveLength(2);
  });

  it('retries a GET whose connection was reset before any answer, and ejects the resetting replica', async () => {
    const working = await workingReplica();
    const gateway = await gatewayFor([await resettingReplica(), working.url]);

    expect((await gateway.call('GET')).status).toBe(200);
    expect(working.received).toEqual([{ method: 'GET', body: '' }]);
    expect(gateway.pool.replicas.map((replica) => replica.healthy)).toEqual([false, true]);
  });

  it('does not retry a POST once its replica was connected (it may have acted on it): 503', async () => {
    const working = await workingReplica();
    const gateway = await gatewayFor([await resettingReplica(), working.url]);

    const answer = await gateway.call('POST', '{"n":1}');

    expect(answer.status).toBe(503);
    expect(answer.type).toContain('application/problem+json');
    expect(working.received).toEqual([]);
  });

  it('answers 503 problem+json when every replica refuses', async () => {
    const gateway = await gatewayFor([await refusingReplica(), await refusingReplica()]);
    const answer = await gateway.call('GET');
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.text)).toMatchObject({
      status: 503,
      type: expect.stringContaining('upstream_unavailable'),
    });
  });

  it('keeps a single replica in use after a refusal (as before pools), once it listens again', async () => {
    const working = await workingReplica();
    const gateway = await gatewayFor([working.url]);
    await new Promise<void>((resolve) => working.server.close(() => resolve()));
    expect((await gateway.call('GET')).status).toBe(503);
    expect(gateway.pool.healthyCount()).toBe(0);
    const port = Number(new URL(working.url).port);
    await new Promise<void>((resolve) => working.server.listen(port, '127.0.0.1', () => resolve()));
    expect((await gateway.call('GET')).status).toBe(200);
  });
});

/** Writes raw bytes to the gateway and collects everything it answers until it closes the socket. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const timer = setTimeout(() => socket.destroy(), 2000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', reject);
  });
}

describe('UpstreamProxy framing', () => {
  it('refuses a GET whose chunked body is a second request (400), and the replica never sees it', async () => {
    const working = await workingReplica();
    const gateway = await gatewayFor([working.url]);
    const inner = 'POST /v1/x?smuggled=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}';
    const chunk = `${inner.length.toString(16)}\r\n${inner}\r\n0\r\n\r\n`;
    const answer = await rawExchange(
      gateway.port,
      `GET /v1/x HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n${chunk}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('body_not_allowed');
    expect(answer.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(working.framing).toEqual([]);
  });

  it('refuses GET, HEAD and DELETE with a Content-Length body', async () => {
    const working = await workingReplica();
    const gateway = await gatewayFor([working.url]);
    for (const method of ['GET', 'HEAD', 'DELETE']) {
      const answer = await rawExchange(
        gateway.port,
        `${method} /v1/x HTTP/1.1\r\nHost: gw\r\nContent-Length: 2\r\n\r\n{}`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect((await gateway.call('DELETE')).status).toBe(200);
    expect(working.framing).toEqual([{ url: '/v1/x', length: undefined, chunked: false }]);
  });

  it('forwards a chunked POST with an explicit Content-Length, never chunked', async () => {
    const working = await workingReplica();
    const gateway = await gatewayFor([working.url]);
    const body = '{"fields":{"name":"Jane"}}';
    const answer = await rawExchange(
      gateway.port,
      `POST /v1/x HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n` +
        `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(working.framing).toEqual([{ url: '/v1/x', length: String(body.length), chunked: false }]);
    expect(working.received).toEqual([{ method: 'POST', body }]);
  });

  it('leaves a POST with both Content-Length and Transfer-Encoding to Node, which answers 400 and forwards nothing', async () => {
    const working = await workingReplica();
    const gateway = await gatewayFor([working.url]);
    const answer = await rawExchange(
      gateway.port,
      'POST /v1/x HTTP/1.1\r\nHost: gw\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(working.framing).toEqual([]);
  });

  it('refuses JSON nested deeper than 32 levels (400) and a body over the limit (413), forwarding neither', async () => {
    const working = await workingReplica();
    const gateway = await gatewayFor([working.url]);
    const deep = await gateway.call('POST', '['.repeat(100_000) + ']'.repeat(100_000));
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.text)).toMatchObject({ type: expect.stringContaining('body_too_deep') });
    expect((await gateway.call('POST', JSON.stringify({ padding: 'x'.repeat(1024 * 1024) }))).status).toBe(413);
    expect(working.framing).toEqual([]);
  });
});

describe('UpstreamProxy deadlines', () => {
  it('signs the request deadline into the principal the service receives', async () => {
    const replica = await slowReplica(0);
    const gateway = await gatewayFor([replica.url], { UPSTREAM_TIMEOUT_MS: 4000 });
    const before = Date.now();

    expect((await gateway.call('POST', '{}')).status).toBe(200);

    const deadline = Number(replica.principals[0]?.['deadline']);
    expect(deadline).toBeGreaterThanOrEqual(before + 4000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 4000);
  });

  it('waits the commit margin past the deadline for an answer, and answers 504 once it is over', async () => {
    const timing = { UPSTREAM_TIMEOUT_MS: 200, UPSTREAM_COMMIT_MARGIN_MS: 300 };
    // Answers 100 ms after the deadline: work that committed just in time still gets its answer.
    const late = await gatewayFor([(await slowReplica(300)).url], timing);
    expect((await late.call('POST', '{}')).status).toBe(200);

    const silent = await gatewayFor([(await slowReplica(60_000)).url], timing);
    const started = Date.now();
    const answer = await silent.call('POST', '{}');
    expect(answer.status).toBe(504);
    expect(JSON.parse(answer.text)).toMatchObject({ status: 504, title: 'Deadline exceeded' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(480);
  });
});

describe('UpstreamProxy and saturated replicas', () => {
  it('sends a POST a saturated replica shed to one with room, and takes the shedding one out of first place', async () => {
    const shedding = await sheddingReplica();
    const working = await workingReplica();
    const gateway = await gatewayFor([shedding.url, working.url]);

    const answer = await gateway.call('POST', '{"n":1}');

    expect(answer.status).toBe(200);
    expect(shedding.received).toEqual(['POST']);
    expect(working.received).toEqual([{ method: 'POST', body: '{"n":1}' }]);
    expect(gateway.pool.replicas.map((replica) => replica.saturated)).toEqual([true, false]);
    // Marked saturated: later calls go to the replica with room first.
    for (let call = 0; call < 3; call++) expect((await gateway.call('POST', '{}')).status).toBe(200);
    expect(shedding.received).toHaveLength(1);
    expect(gateway.pool.replicas.map((replica) => replica.inFlight)).toEqual([0, 0]);
  });

  it("passes the 503 and its Retry-After on when every replica is saturated, without the services' marker", async () => {
    const first = await sheddingReplica();
    const second = await sheddingReplica();
    const gateway = await gatewayFor([first.url, second.url]);

    const answer = await gateway.call('POST', '{}');

    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(answer.headers.get(SHED_HEADER)).toBeNull();
    expect(first.received.length + second.received.length).toBe(2);
    expect(gateway.pool.saturatedCount()).toBe(2);
  });
});

describe('UpstreamProxy keep-alive', () => {
  it("closes an idle pooled connection before the service's keep-alive timeout, so no call races its close", async () => {
    const working = await workingReplica();
    // The service announces `Keep-Alive: timeout=2`: the gateway must let go of the socket first.
    working.server.keepAliveTimeout = 2000;
    const closedByGateway: number[] = [];
    let answeredAt = 0;
    working.server.on('connection', (socket: Socket) => socket.on('end', () => closedByGateway.push(Date.now())));
    const gateway = await gatewayFor([working.url]);

    expect((await gateway.call('POST', '{"n":1}')).status).toBe(200);
    answeredAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1600));

    // Closed by the gateway about 1 s after the answer, before the service's 2 s.
    expect(closedByGateway).toHaveLength(1);
    expect(closedByGateway[0] - answeredAt).toBeLessThan(1600);
    expect((await gateway.call('POST', '{"n":2}')).status).toBe(200);
  });
});

import { AddressInfo } from 'node:net';
import { createServer, Server } from 'node:http';
import { probeReadiness } from './replica-readiness';

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A replica whose /health/ready answers `status` with `body`. */
async function replicaAnswering(status: number, body: string): Promise<URL> {
  const server = createServer((request, response) => {
    if (request.url !== '/health/ready') return void response.writeHead(404).end();
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

describe('probeReadiness', () => {
  it('reads a 200 as ready, or saturated when the status says so', async () => {
    expect(await probeReadiness(await replicaAnswering(200, '{"status":"ok"}'), 1000)).toBe('ready');
    expect(await probeReadiness(await replicaAnswering(200, '{"status":"saturated"}'), 1000)).toBe('saturated');
    // A 200 without a readable status is still ready: older replicas answer only the status code.
    expect(await probeReadiness(await replicaAnswering(200, 'ok'), 1000)).toBe('ready');
  });

  it('reads any other status, and a port where nothing listens, as not ready', async () => {
    expect(await probeReadiness(await replicaAnswering(503, '{"status":"unavailable"}'), 1000)).toBe('unready');
    expect(await probeReadiness(new URL('http://127.0.0.1:9'), 1000)).toBe('unready');
  });
});

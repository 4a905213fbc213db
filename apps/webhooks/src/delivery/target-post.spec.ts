import { AddressInfo } from 'node:net';
import http from 'node:http';
import { pinnedLookup, postToTarget } from './target-post';

/** A loopback receiver answering with `handler`; what it received is kept. */
async function receiver(handler: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('postToTarget', () => {
  it('posts the exact body with the headers and answers the status', async () => {
    const target = await receiver((_request, response) => response.writeHead(204).end());
    try {
      const answer = await postToTarget({
        url: target.url,
        headers: { 'webhook-id': 'evt_1', 'content-type': 'application/json' },
        body: '{"a":1}',
      });
      expect(answer).toMatchObject({ kind: 'answered', status: 204 });
      expect(target.received[0]?.body).toBe('{"a":1}');
      expect(target.received[0]?.headers['webhook-id']).toBe('evt_1');
    } finally {
      await target.close();
    }
  });

  it('does not follow a redirect', async () => {
    const target = await receiver((_request, response) => response.writeHead(307, { location: '/elsewhere' }).end());
    try {
      expect(await postToTarget({ url: target.url, headers: {}, body: '{}' })).toMatchObject({ status: 307 });
      expect(target.received).toHaveLength(1);
    } finally {
      await target.close();
    }
  });

  it('gives up on an endpoint that does not answer in time', async () => {
    const target = await receiver(() => undefined);
    try {
      expect(await postToTarget({ url: target.url, headers: {}, body: '{}', timeoutMs: 200 })).toMatchObject({
        kind: 'timeout',
      });
    } finally {
      await target.close();
    }
  });

  it('names a refused connection without the address', async () => {
    const target = await receiver((_request, response) => response.end());
    await target.close();
    const answer = await postToTarget({ url: target.url, headers: {}, body: '{}' });
    expect(answer).toEqual({ kind: 'error', error: 'connection refused', latencyMs: expect.any(Number) });
  });

  it('connects to the checked address whatever the name resolves to now', async () => {
    const target = await receiver((_request, response) => response.writeHead(200).end());
    try {
      const port = new URL(target.url).port;
      const answer = await postToTarget({
        url: `http://rebinding.invalid:${port}/hook`,
        headers: {},
        body: '{}',
        lookup: pinnedLookup(['127.0.0.1']),
      });
      expect(answer).toMatchObject({ kind: 'answered', status: 200 });
      expect(target.received[0]?.headers.host).toBe(`rebinding.invalid:${port}`);
    } finally {
      await target.close();
    }
  });
});

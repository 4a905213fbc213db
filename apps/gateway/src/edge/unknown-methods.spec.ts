import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { refuseUnknownMethods } from './unknown-methods';

describe('refuseUnknownMethods', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (!refuseUnknownMethods(request, response)) response.end('passed on');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers a method the path lacks 405 with Allow, whatever the request carries, and closes a body’s connection', async () => {
    const refused = await fetch(`${url}/v1/campaigns/c/leads?limit=1`, { method: 'DELETE', body: '{"x":1}' });
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('GET, POST');
    expect(refused.headers.get('connection')).toBe('close');
    expect(((await refused.json()) as { type: string }).type).toContain('method_not_allowed');
    const me = await fetch(`${url}/v1/me`, { method: 'PUT' });
    expect([me.status, me.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('passes on a known method, an unknown path and the paths the gateway answers itself', async () => {
    for (const [method, path] of [
      ['GET', '/v1/campaigns/c/leads'],
      ['GET', '/v1/me'],
      ['GET', '/console/app.js'],
      ['POST', '/v1/nothing'],
    ]) {
      expect(await (await fetch(`${url}${path}`, { method })).text()).toBe('passed on');
    }
  });
});

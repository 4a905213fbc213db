import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { bodyDigest } from '@leadgate/service-kit/internal-auth/principal';
import { bodyDigestOf, containsNul, installBodyParsing, rawBodyOf } from './body-parsing';

describe('containsNul', () => {
  it('finds U+0000 in nested values and keys, and nothing in clean bodies', () => {
    expect(containsNul({ fields: { name: 'Jane' }, list: ['a', 1, null] })).toBe(false);
    expect(containsNul({ fields: { name: 'Ja\u0000ne' } })).toBe(true);
    expect(containsNul({ fields: { ['na\u0000me']: 'x' } })).toBe(true);
    expect(containsNul(['x', ['y\u0000']])).toBe(true);
    expect(containsNul(undefined)).toBe(false);
  });
});

describe('installBodyParsing', () => {
  async function serve() {
    const app = express();
    installBodyParsing(app, 1024, 4096);
    app.all('/echo', (request, response) => {
      response.json({
        digest: bodyDigestOf(request),
        body: request.body ?? null,
        raw: rawBodyOf(request)?.length ?? null,
      });
    });
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
    return { url, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('records the digest of the exact bytes of JSON, form and other bodies, and of no body', async () => {
    const { url, close } = await serve();
    try {
      const cases: [string | undefined, string | undefined][] = [
        ['{"a": [1, 2]}', 'application/json'],
        ['a=1&b=2', 'application/x-www-form-urlencoded'],
        ['--x\r\nanything', 'multipart/form-data; boundary=x'],
        [undefined, undefined],
      ];
      for (const [body, type] of cases) {
        const response = await fetch(url, {
          method: body === undefined ? 'GET' : 'POST',
          headers: type ? { 'content-type': type } : {},
          body,
        });
        const answer = (await response.json()) as { digest: string; raw: number | null; body: unknown };
        expect(answer.digest).toBe(bodyDigest(body));
        if (type?.startsWith('multipart')) expect(answer).toMatchObject({ raw: body?.length, body: null });
      }
    } finally {
      await close();
    }
  });

  it('refuses JSON nested deeper than 32 with 400 body_too_deep, and compressed bodies with 415', async () => {
    const { url, close } = await serve();
    try {
      const deep = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '['.repeat(33) + ']'.repeat(33),
      });
      expect(deep.status).toBe(400);
      expect(((await deep.json()) as { type: string }).type).toContain('body_too_deep');
      const gzip = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync('{}'),
      });
      expect(gzip.status).toBe(415);
    } finally {
      await close();
    }
  });

  it('refuses NUL in a body with 422 and in the query with 400 bad_query, as the specs document', async () => {
    const { url, close } = await serve();
    try {
      const body = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'a\u0000b' }),
      });
      expect(body.status).toBe(422);
      const query = await fetch(`${url}?name=a%00b`);
      expect(query.status).toBe(400);
      expect(((await query.json()) as { type: string }).type).toContain('bad_query');
      expect((await fetch(`${url}?name=ab`)).status).toBe(200);
    } finally {
      await close();
    }
  });
});

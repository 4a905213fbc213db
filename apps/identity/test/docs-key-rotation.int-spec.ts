import { bootstrapAdmin, gatewayClient, Platform, startPlatform, waitFor } from '@leadgate/testing';

type Client = ReturnType<typeof gatewayClient>;

/**
 * The docs link rotates with the token (issue 11): a rotation answers a new docs_url, and the old
 * link keeps working only for the rotation's grace period, like the old secret (grace 0: never).
 */
describe('docs key rotation', () => {
  let platform: Platform;
  let admin: Client;
  let anonymous: Client;

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'docs'] });
    admin = (await bootstrapAdmin(platform, 'Docs rotation')).admin;
    anonymous = gatewayClient(platform.gateway.url);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const pathOf = (docsUrl: unknown) => new URL(String(docsUrl)).pathname;
  const docsStatus = async (path: string) => (await anonymous('GET', path)).status;
  const until = (what: string, path: string, status: number, timeoutMs = 5000) =>
    waitFor(what, async () => ((await docsStatus(path)) === status ? true : undefined), timeoutMs, 20);

  async function tokenWithDocs(): Promise<{ id: string; docsPath: string }> {
    const created = await admin('POST', '/v1/admin/tokens', { name: 'Documented', scopes: ['campaigns:read'] });
    expect(created.status).toBe(201);
    const docsPath = pathOf(created.body['docs_url']);
    await until('docs of the new token', docsPath, 200);
    return { id: String(created.body['id']), docsPath };
  }

  it('gives a new docs link on rotation, and with grace 0 the old one dies at once', async () => {
    const { id, docsPath: oldPath } = await tokenWithDocs();
    const rotated = await admin('POST', `/v1/admin/tokens/${id}/rotate`, { grace_period_seconds: 0 });
    expect(rotated.status).toBe(200);
    const newPath = pathOf(rotated.body['docs_url']);
    expect(newPath).not.toBe(oldPath);
    await until('new docs link', newPath, 200);
    await until('old docs link to die', oldPath, 404, 2000);
    expect((await admin('GET', `/v1/admin/tokens/${id}`)).body['docs_url']).toBe(rotated.body['docs_url']);
  });

  it('keeps the old docs link during the grace period only', async () => {
    const { id, docsPath: oldPath } = await tokenWithDocs();
    const graceSeconds = 3;
    const rotatedAt = Date.now();
    const rotated = await admin('POST', `/v1/admin/tokens/${id}/rotate`, { grace_period_seconds: graceSeconds });
    expect(rotated.status).toBe(200);
    const newPath = pathOf(rotated.body['docs_url']);
    await until('new docs link', newPath, 200);
    expect(await docsStatus(oldPath)).toBe(200);
    await until('old docs link to expire', oldPath, 404, (graceSeconds + 3) * 1000);
    expect(Date.now() - rotatedAt).toBeGreaterThanOrEqual(graceSeconds * 1000 - 50);
    expect(await docsStatus(newPath)).toBe(200);

    // A second rotation drops what the first one kept.
    const again = await admin('POST', `/v1/admin/tokens/${id}/rotate`, {});
    await until('newest docs link', pathOf(again.body['docs_url']), 200);
    await until('previous docs link to die', newPath, 404, 2000);
  });
});

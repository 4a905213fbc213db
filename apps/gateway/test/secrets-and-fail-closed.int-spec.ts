import { bootstrapAdmin, gatewayClient, MONGO_URL, startPlatform, startService, waitFor } from '@leadgate/testing';
import mongoose from 'mongoose';
import { readFileSync } from 'node:fs';

describe('no secret in any log line', () => {
  it('logs a full flow at debug level without any token, client secret or access token in it', async () => {
    const debug = { LOG_LEVEL: 'debug' };
    const platform = await startPlatform({ env: { identity: debug, campaigns: debug, gateway: debug } });
    const secrets: string[] = [];
    try {
      const account = await bootstrapAdmin(platform, 'Secrets test');
      secrets.push(account.admin_token);
      const admin = account.admin;

      const accountToken = await admin('POST', '/v1/admin/tokens', { name: 'Sync', preset: 'crm_sync' });
      secrets.push(String(accountToken.body['token']));
      const campaign = await admin('POST', '/v1/admin/campaigns', { name: 'Logs' });
      const campaignToken = await admin('POST', `/v1/admin/campaigns/${String(campaign.body['id'])}/tokens`, {
        name: 'Partner',
        permissions: ['read'],
      });
      secrets.push(String(campaignToken.body['token']));
      const rotated = await admin('POST', `/v1/admin/tokens/${String(accountToken.body['id'])}/rotate`, {});
      secrets.push(String(rotated.body['token']));
      const credential = await admin('POST', '/v1/admin/credentials', { scope_groups: ['data_api'] });
      const clientSecret = String(credential.body['client_secret']);
      secrets.push(clientSecret);
      const basic = `Basic ${Buffer.from(`${String(credential.body['client_id'])}:${clientSecret}`).toString('base64')}`;
      const issued = await waitFor('access token', async () => {
        const response = await fetch(`${platform.gateway.url}/oauth/token`, {
          method: 'POST',
          headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        });
        return response.status === 200 ? ((await response.json()) as { access_token: string }) : undefined;
      });
      secrets.push(issued.access_token);
      // Use every token, including failed attempts that carry a secret.
      for (const token of secrets) await gatewayClient(platform.gateway.url, token)('GET', '/v1/me');
      await gatewayClient(platform.gateway.url, `${account.admin_token}x`)('GET', '/v1/me');
    } finally {
      await platform.stop();
    }

    // Identity stores hashes only: no secret part appears anywhere in its database either.
    const connection = await mongoose.createConnection(MONGO_URL, { dbName: `${platform.runId}_identity` }).asPromise();
    const stored = JSON.stringify([
      await connection.collection('tokens').find().toArray(),
      await connection.collection('credentials').find().toArray(),
    ]);
    await connection.close();
    expect(stored).toContain('sha256');
    for (const secret of secrets) expect(stored.includes(secret.slice(21))).toBe(false);

    const logs = platform.logFiles().map((file) => readFileSync(file, 'utf8'));
    expect(logs.join('').length).toBeGreaterThan(1000);
    for (const secret of secrets) {
      // The secret part of each token string (after `<prefix><public id>_`) must never appear.
      const secretPart = secret.slice(21);
      expect(secretPart.length).toBeGreaterThanOrEqual(38);
      for (const log of logs) expect(log.includes(secretPart)).toBe(false);
    }
  });
});

describe('fail closed', () => {
  it('answers 503 instead of trusting token state older than the staleness bound', async () => {
    // A bound of 1 ms can never be met, so this gateway's token state always counts as stale.
    const gateway = await startService('gateway', { env: { READ_MODEL_MAX_STALE_MS: '1' }, waitFor: 'live' });
    try {
      const ready = await fetch(`${gateway.url}/health/ready`);
      expect(ready.status).toBe(503);
      const wellFormed = 'lgt_AbCdEfGh01234567_0123456789abcdefghijABCDEFGHIJkl0GRY7Z';
      const refused = await gatewayClient(gateway.url, wellFormed)('GET', '/v1/me');
      expect(refused.status).toBe(503);
      expect(refused.body['type']).toContain('auth_unavailable');
      expect(refused.headers.get('retry-after')).toBe('2');
      // A malformed token is still refused outright: that needs no state.
      expect((await gatewayClient(gateway.url, 'nope')('GET', '/v1/me')).status).toBe(401);
    } finally {
      await gateway.stop();
    }
  });
});

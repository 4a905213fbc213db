import { MONGO_URL } from '@leadgate/testing';
import { MongoClient } from 'mongodb';
import { campaignTokenWithAccess, rawGet } from './field-access-checks';
import { Client, leadsWorld, LeadsWorld } from './lead-test-setup';

type Json = Record<string, unknown>;

const notWritable = (key: string) => ({ path: `fields.${key}`, message: 'this token may not write this field' });

/**
 * Field access on the partner data plane (API.md §13): a filtered read+write token with `rooms`
 * hidden, `email` masked and `postcode` read-only. Writes of hidden or read-only fields are 422
 * field_not_writable with nothing stored; masked fields are written and answered masked, on
 * create, PATCH, batch and idempotent replay; `field.<key>` lists refuse hidden and masked keys.
 */
describe('field access on the partner data plane', () => {
  let world: LeadsWorld;
  let leads: string;
  let writer: Client;
  let writerToken: string;
  let adminLeadId: string;

  const count = async () => ((await world.admin('GET', `${leads}?limit=500`)).body.data ?? []).length;
  const stored = async (id: string) => (await world.admin('GET', `${leads}/${id}`)).body;

  beforeAll(async () => {
    world = await leadsWorld();
    leads = `/v1/campaigns/${world.campaignId}/leads`;
    const made = await campaignTokenWithAccess(world.admin, world.platform.gateway.url, world.campaignId, {
      name: 'Partner with field access',
      permissions: ['read', 'write'],
      filter_id: world.filterId,
      field_access: { hidden: ['rooms'], masked: ['email'], read_only: ['postcode'] },
    });
    writer = made.client;
    writerToken = made.token;
    const lead = await world.admin('POST', leads, {
      fields: { name: 'Admin Made', email: 'admin.made@example.com', postcode: '8000', rooms: 604918 },
      select_field_values: { select_partner: 'SELECT_PARTNER' },
    });
    expect(lead.status).toBe(201);
    adminLeadId = String(lead.body['id']);
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it('reads a lead with the hidden field gone and the masked one masked; the ETag is the version', async () => {
    const full = await rawGet(world.platform.gateway.url, writerToken, `${leads}/${adminLeadId}`);
    expect(full.status).toBe(200);
    expect(JSON.parse(full.text)['fields']).toEqual({
      name: 'Admin Made',
      email: 'a***@example.com',
      postcode: '8000',
    });
    expect(full.etag).toBe('"v1"');
    expect(full.text).not.toMatch(/"rooms":|604918|admin\.made@/);
    const page = await rawGet(world.platform.gateway.url, writerToken, `${leads}?limit=500`);
    expect(page.text).toContain(adminLeadId);
    expect(page.text).not.toMatch(/"rooms":|604918|admin\.made@/);
  });

  it('refuses a create writing a hidden or read-only field with 422 field_not_writable, storing nothing', async () => {
    const before = await count();
    const attempts: [Json, string[]][] = [
      [{ fields: { name: 'Hidden', rooms: 3 } }, ['rooms']],
      [{ fields: { name: 'Read-only', postcode: '8000' } }, ['postcode']],
      // Checked before the schema: a hidden field with a bad value, next to an unknown one, is still "not writable".
      [{ fields: { name: 'Both', rooms: 'four', shoe_size: 42, postcode: '8200' } }, ['rooms', 'postcode']],
    ];
    for (const [body, keys] of attempts) {
      const refused = await writer('POST', leads, body);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        type: expect.stringContaining('field_not_writable'),
        title: 'Field not writable',
        status: 422,
        errors: keys.map(notWritable),
      });
    }
    expect(await count()).toBe(before);
  });

  it('refuses a PATCH of a hidden or read-only field (clearing one too) and changes nothing', async () => {
    for (const fields of [{ rooms: 5 }, { postcode: '8200' }, { postcode: null }, { name: 'Renamed', rooms: null }]) {
      const refused = await writer('PATCH', `${leads}/${adminLeadId}`, { fields });
      expect(refused.status).toBe(422);
      expect(refused.body['type']).toContain('field_not_writable');
      expect(refused.body['errors']).toEqual(
        Object.keys(fields)
          .filter((key) => key !== 'name')
          .map(notWritable),
      );
    }
    expect(await stored(adminLeadId)).toMatchObject({
      version: 1,
      fields: { name: 'Admin Made', email: 'admin.made@example.com', postcode: '8000', rooms: 604918 },
    });
  });

  it('writes a masked field and answers it masked, with the pinned select filled in; an echoed mask changes nothing', async () => {
    const created = await writer('POST', leads, {
      fields: { name: 'Masked Writer', email: 'masked.writer@example.com' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fields: { name: 'Masked Writer', email: 'm***@example.com' },
      select_field_values: { select_partner: 'SELECT_PARTNER' },
    });
    const id = String(created.body['id']);
    expect((await stored(id))['fields']).toEqual({ name: 'Masked Writer', email: 'masked.writer@example.com' });

    const patched = await writer('PATCH', `${leads}/${id}`, { fields: { email: 'new.address@example.com' } });
    expect(patched.status).toBe(200);
    expect(patched.body['fields']).toEqual({ name: 'Masked Writer', email: 'n***@example.com' });
    expect(patched.headers.get('etag')).toBe('"v2"');
    expect(await stored(id)).toMatchObject({ version: 2, fields: { email: 'new.address@example.com' } });

    // Sending back what it reads (a read-modify-write of the whole fields object) keeps the real address.
    const echoed = await writer('PATCH', `${leads}/${id}`, { fields: patched.body['fields'] });
    expect(echoed.status).toBe(200);
    expect(await stored(id)).toMatchObject({ version: 2, fields: { email: 'new.address@example.com' } });
  });

  it('answers a batch item writing a hidden or read-only field as an error, the others created and masked', async () => {
    const before = await count();
    const batch = await writer('POST', `${leads}/batch`, {
      leads: [
        { fields: { name: 'Batch one', email: 'batch.one@example.com' } },
        { fields: { name: 'Batch hidden', rooms: 2 } },
        { fields: { name: 'Batch three' } },
        { fields: { name: 'Batch read-only', postcode: '8000' } },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ created: 2, failed: 2 });
    const results = batch.body['results'] as Json[];
    expect(results.map((result) => result['status'])).toEqual(['created', 'error', 'created', 'error']);
    expect((results[0]['lead'] as Json)['fields']).toEqual({ name: 'Batch one', email: 'b***@example.com' });
    expect(results[1]['error']).toMatchObject({
      type: expect.stringContaining('field_not_writable'),
      title: 'Field not writable',
      errors: [notWritable('rooms')],
    });
    expect((results[3]['error'] as Json)['errors']).toEqual([notWritable('postcode')]);
    expect(JSON.stringify(batch.body)).not.toContain('batch.one@');
    expect(await count()).toBe(before + 2);
  });

  it('replays an idempotent create and batch through the projection, though the key keeps the answer in full', async () => {
    const body = { fields: { name: 'Replayed', email: 'replayed.once@example.com' } };
    const first = await writer('POST', leads, body, { 'idempotency-key': 'fa-create-1' });
    const again = await writer('POST', leads, body, { 'idempotency-key': 'fa-create-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((again.body['fields'] as Json)['email']).toBe('r***@example.com');

    const batchBody = { leads: [{ fields: { name: 'Replayed batch', email: 'replayed.batch@example.com' } }] };
    const batch = await writer('POST', `${leads}/batch`, batchBody, { 'idempotency-key': 'fa-batch-1' });
    const replay = await writer('POST', `${leads}/batch`, batchBody, { 'idempotency-key': 'fa-batch-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(batch.body);
    expect(JSON.stringify(replay.body)).not.toContain('replayed.batch@');

    // What the key keeps is the lead in full: the mask is put on as the answer leaves, so a replay
    // follows the token's field access of the moment it asks (cache-invalidation.int-spec changes it).
    const mongo = await MongoClient.connect(MONGO_URL);
    try {
      const records = await mongo.db(`${world.platform.runId}_leads`).collection('idempotency_keys').find().toArray();
      expect(JSON.stringify(records)).toContain('replayed.once@example.com');
    } finally {
      await mongo.close();
    }
  });

  it('lists by field.<key> for a field the token reads, and refuses hidden and masked ones with 400', async () => {
    const byName = await writer('GET', `${leads}?field.name=Admin%20Made`);
    expect(byName.status).toBe(200);
    expect((byName.body.data as Json[]).map((lead) => lead['id'])).toEqual([adminLeadId]);
    const byReadOnly = await writer('GET', `${leads}?field.postcode=8000&limit=500`);
    expect((byReadOnly.body.data as Json[]).map((lead) => lead['id'])).toContain(adminLeadId);
    expect((byReadOnly.body.data as Json[]).every((lead) => (lead['fields'] as Json)['postcode'] === '8000')).toBe(
      true,
    );
    expect(((await writer('GET', `${leads}?field.name=Nobody%20Called%20This`)).body.data as Json[]).length).toBe(0);

    for (const [query, message] of [
      ['field.rooms=604918', 'hidden from this token'],
      ['field.email=admin.made%40example.com', 'masked for this token'],
    ]) {
      const refused = await writer('GET', `${leads}?${query}`);
      expect(refused.status).toBe(400);
      expect(refused.body['type']).toContain('bad_query');
      const errors = refused.body['errors'] as Json[];
      expect(errors).toEqual([{ path: query.split('=')[0], message: expect.stringContaining(message) }]);
      expect(JSON.stringify(refused.body)).not.toMatch(/604918|admin\.made/);
    }

    // A token without field access may ask for any field, numbers as numbers.
    const byRooms = await world.admin('GET', `${leads}?field.rooms=604918`);
    expect((byRooms.body.data as Json[]).map((lead) => lead['id'])).toEqual([adminLeadId]);
    const byEmail = await world.admin('GET', `${leads}?field.email=admin.made%40example.com`);
    expect((byEmail.body.data as Json[]).map((lead) => lead['id'])).toEqual([adminLeadId]);
    expect((await world.admin('GET', `${leads}?field.rooms=many`)).status).toBe(400);
  });

  it('narrows nothing at the receiver: an anonymous post writes any field', async () => {
    const response = await fetch(`${world.platform.gateway.url}/receiver/v1/campaigns/${world.campaignId}/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { name: 'From a form', postcode: '8200', rooms: 7 } }),
    });
    expect(response.status).toBe(201);
    const id = String(((await response.json()) as Json)['id']);
    expect((await stored(id))['fields']).toEqual({ name: 'From a form', postcode: '8200', rooms: 7 });
  });
});

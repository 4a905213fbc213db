import { KAFKA_BROKERS, MONGO_URL, waitFor } from '@leadgate/testing';
import { CloudEvent, Kafka as CloudEventsKafka, KafkaMessage as CloudEventsMessage } from 'cloudevents';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { leadsWorld, LeadsWorld } from './lead-test-setup';

type Json = Record<string, unknown>;

/**
 * A Kafka record as the CloudEvents Kafka binding reads it, from its headers and value (the SDK
 * takes string headers); structured mode is told by `content-type` alone, so without it this throws.
 */
function cloudEventOf(message: KafkaMessage): CloudEvent<Json> {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString()]),
  );
  const value = message.value?.toString('utf8');
  const record: CloudEventsMessage<string | undefined> = {
    headers,
    key: message.key?.toString('utf8') ?? '',
    value,
    body: value,
  };
  return CloudEventsKafka.toEvent(record) as CloudEvent<Json>;
}

/** The partner data API through the gateway: filter scope, validation, pagination, ETags, idempotency, events. */
describe('partner leads API', () => {
  let world: LeadsWorld;
  let leads: string;

  beforeAll(async () => {
    world = await leadsWorld();
    leads = `/v1/campaigns/${world.campaignId}/leads`;
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('creates a lead with the pinned value filled in, the default status and its source', async () => {
    const created = await world.partner('POST', leads, { fields: { name: 'Jane Doe', email: 'jane@example.com' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      campaign_id: world.campaignId,
      fields: { name: 'Jane Doe', email: 'jane@example.com' },
      select_field_values: { select_partner: 'SELECT_PARTNER' },
      status: 'new',
      version: 1,
      source: { kind: 'api', id: world.partnerTokenId },
    });
    expect(created.headers.get('location')).toBe(`${leads}/${String(created.body['id'])}`);
    expect(created.headers.get('etag')).toBe('"v1"');
  });

  it('refuses a lead outside the filter (422 out_of_scope) and stores nothing', async () => {
    const before = ((await world.admin('GET', `${leads}?limit=500`)).body.data ?? []).length;
    const outside = await world.partner('POST', leads, {
      fields: { name: 'Outsider' },
      select_field_values: { select_partner: 'VENDOR_NORTH' },
    });
    expect(outside.status).toBe(422);
    expect(outside.body['type']).toContain('out_of_scope');
    expect(((await world.admin('GET', `${leads}?limit=500`)).body.data ?? []).length).toBe(before);
  });

  it('lists one 422 error per problem', async () => {
    const bad = await world.partner('POST', leads, {
      fields: { email: 'not-an-email', rooms: 'four', shoe_size: 42 },
      status: 'archived',
    });
    expect(bad.status).toBe(422);
    const paths = ((bad.body['errors'] as Json[]) ?? []).map((error) => error['path']).sort();
    expect(paths).toEqual(['fields.email', 'fields.rooms', 'fields.shoe_size', 'status']);
    const missing = await world.partner('POST', leads, { fields: { email: 'a@b.dk' } });
    expect(missing.body['errors']).toEqual([{ path: 'fields.name', message: 'is required' }]);
  });

  it('shows a partner only the leads of its filter: others are 404', async () => {
    const vendor = await world.admin('POST', leads, {
      fields: { name: 'Vendor lead' },
      select_field_values: { select_partner: 'VENDOR_NORTH' },
    });
    expect(vendor.status).toBe(201);
    const vendorId = String(vendor.body['id']);
    expect((await world.admin('GET', `${leads}/${vendorId}`)).status).toBe(200);
    expect((await world.partner('GET', `${leads}/${vendorId}`)).status).toBe(404);
    expect((await world.partner('PATCH', `${leads}/${vendorId}`, { fields: { name: 'x' } })).status).toBe(404);
    const partnerList = (await world.partner('GET', `${leads}?limit=500`)).body.data as Json[];
    expect(
      partnerList.every((lead) => (lead['select_field_values'] as Json)['select_partner'] === 'SELECT_PARTNER'),
    ).toBe(true);
    expect(partnerList.map((lead) => lead['id'])).not.toContain(vendorId);
  });

  it('updates with If-Match: 412 on a stale version, and out-of-scope changes are refused unchanged', async () => {
    const created = await world.partner('POST', leads, { fields: { name: 'Patchable' } });
    const path = `${leads}/${String(created.body['id'])}`;
    const moved = await world.partner('PATCH', path, { select_field_values: { select_partner: 'VENDOR_NORTH' } });
    expect(moved.status).toBe(422);
    expect(moved.body['type']).toContain('out_of_scope');
    expect((await world.partner('GET', path)).body['version']).toBe(1);

    const renamed = await world.partner(
      'PATCH',
      path,
      { fields: { name: 'Renamed' }, status: 'won' },
      { 'if-match': '"v1"' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ version: 2, status: 'won', fields: { name: 'Renamed' } });
    expect(renamed.headers.get('etag')).toBe('"v2"');
    const stale = await world.partner('PATCH', path, { fields: { name: 'Late' } }, { 'if-match': '"v1"' });
    expect(stale.status).toBe(412);
  });

  it('lets exactly one of two concurrent PATCHes with the same If-Match win', async () => {
    for (let round = 0; round < 5; round++) {
      const created = await world.partner('POST', leads, { fields: { name: `Race ${round}` } });
      const path = `${leads}/${String(created.body['id'])}`;
      const [first, second] = await Promise.all([
        world.partner('PATCH', path, { fields: { postcode: '8000' } }, { 'if-match': '"v1"' }),
        world.partner('PATCH', path, { fields: { postcode: '8200' } }, { 'if-match': '"v1"' }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 412]);
      const final = await world.partner('GET', path);
      expect(final.body['version']).toBe(2);
    }
  });

  it('pages with a cursor, validates query parameters against the schema, and filters by them', async () => {
    for (let index = 0; index < 7; index++) await world.partner('POST', leads, { fields: { name: `Page ${index}` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await world.partner('GET', `${leads}?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect((page.body.data ?? []).length).toBeLessThanOrEqual(3);
      seen.push(...(page.body.data as Json[]).map((lead) => String(lead['id'])));
      cursor = page.body['next_cursor'] as string | null;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = (await world.partner('GET', `${leads}?limit=500`)).body.data as Json[];
    expect(seen).toEqual(all.map((lead) => String(lead['id'])));

    expect(
      (await world.partner('GET', `${leads}?status=won`)).body.data?.every(
        (lead) => (lead as Json)['status'] === 'won',
      ),
    ).toBe(true);
    expect((await world.admin('GET', `${leads}?select.select_partner=VENDOR_NORTH`)).body.data?.length).toBeGreaterThan(
      0,
    );
    for (const bad of ['fields.name=x', '$where=1', 'status=archived', 'limit=501', 'select.nope=X', 'cursor=zzz']) {
      const response = await world.partner('GET', `${leads}?${bad}`);
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
    }
  });

  it('pages across list buckets: every lead in scope once, in creation order, whatever the page size', async () => {
    // 300 leads fill three list buckets (128 each); the partner's filter keeps every other one.
    const items = Array.from({ length: 300 }, (_, index) => ({
      fields: { name: `Bucketed ${index}` },
      select_field_values: { select_partner: index % 2 === 0 ? 'SELECT_PARTNER' : 'VENDOR_NORTH' },
    }));
    const batch = await world.admin('POST', `${leads}/batch`, { leads: items });
    expect(batch.body['created']).toBe(300);
    const ids = (batch.body['results'] as Json[]).map((result) => String((result['lead'] as Json)['id']));
    const walk = async (call: typeof world.partner, limit: number) => {
      const seen: Json[] = [];
      let cursor: string | null = null;
      do {
        const page = await call('GET', `${leads}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...(page.body.data as Json[]));
        cursor = page.body['next_cursor'] as string | null;
      } while (cursor);
      return seen;
    };
    for (const [call, inScope] of [
      [world.partner, ids.filter((_, index) => index % 2 === 0)],
      [world.admin, ids],
    ] as const) {
      const byHundreds = await walk(call, 100);
      const bySevens = await walk(call, 7);
      const listed = byHundreds.map((lead) => String(lead['id']));
      expect(bySevens.map((lead) => String(lead['id']))).toEqual(listed);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed.filter((id) => ids.includes(id))).toEqual(expect.arrayContaining(inScope));
      expect(listed.filter((id) => ids.includes(id))).toHaveLength(inScope.length);
      const times = byHundreds.map((lead) => String(lead['created_at']));
      expect(times).toEqual([...times].sort());
    }
    // Forged cursors: past the last bucket is an empty last page; a bucket that cannot exist is a 400.
    const forged = (position: unknown[]) => Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
    const pastTheEnd = await world.partner('GET', `${leads}?cursor=${forged([Number.MAX_SAFE_INTEGER, '', ''])}`);
    expect(pastTheEnd.status).toBe(200);
    expect(pastTheEnd.body).toEqual({ data: [], next_cursor: null });
    for (const bad of [
      [-1, '', ''],
      [0, { $gt: '' }, ''],
      [0, '', ['x']],
    ])
      expect((await world.partner('GET', `${leads}?cursor=${forged(bad)}`)).status).toBe(400);
  });

  it('honours Idempotency-Key: replays the first answer, refuses another body with the same key', async () => {
    const body = { fields: { name: 'Once only' } };
    const first = await world.partner('POST', leads, body, { 'idempotency-key': 'order-42' });
    const again = await world.partner('POST', leads, body, { 'idempotency-key': 'order-42' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body['id']).toBe(first.body['id']);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await world.partner(
      'POST',
      leads,
      { fields: { name: 'Something else' } },
      { 'idempotency-key': 'order-42' },
    );
    expect(other.status).toBe(422);
  });

  it('answers 409 while the first request with an Idempotency-Key is still running, then replays it', async () => {
    const body = { leads: Array.from({ length: 300 }, (_, index) => ({ fields: { name: `Bulk ${index}` } })) };
    const headers = { 'idempotency-key': 'bulk-1' };
    const first = world.partner('POST', `${leads}/batch`, body, headers);
    // The second request goes once the first holds its key, not after a guessed delay: a fast
    // store can finish 300 leads before a fixed wait ends, a busy one can start after it.
    const mongo = await MongoClient.connect(MONGO_URL);
    try {
      const keys = mongo.db(`${world.platform.runId}_leads`).collection('idempotency_keys');
      await waitFor('the first request holding its key', async () =>
        (await keys.countDocuments({ state: 'in_flight' })) > 0 ? true : undefined,
      );
    } finally {
      await mongo.close();
    }
    const meanwhile = await world.partner('POST', `${leads}/batch`, body, headers);
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.headers.get('retry-after')).toBe('1');
    const done = await first;
    expect(done.body).toMatchObject({ created: 300, failed: 0 });
    const replay = await world.partner('POST', `${leads}/batch`, body, headers);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body['results']).toEqual(done.body['results']);
  });

  it('creates a batch with one result per item', async () => {
    const batch = await world.partner('POST', `${leads}/batch`, {
      leads: [
        { fields: { name: 'B1' } },
        { fields: { email: 'missing-name@example.com' } },
        { fields: { name: 'B3' } },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ created: 2, failed: 1 });
    const results = batch.body['results'] as Json[];
    expect(results.map((result) => result['status'])).toEqual(['created', 'error', 'created']);
    expect((results[1]?.['error'] as Json)['status']).toBe(422);
    const tooMany = await world.partner('POST', `${leads}/batch`, {
      leads: Array.from({ length: 1001 }, () => ({ fields: { name: 'x' } })),
    });
    expect(tooMany.status).toBe(422);
  });

  it('publishes lead.created and lead.status_changed as structured-mode CloudEvents with stable ids', async () => {
    const kafka = new Kafka({
      clientId: 'partner-leads-test',
      brokers: KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
    });
    const consumer = kafka.consumer({ groupId: `partner-leads-test-${Date.now()}` });
    // Raw records: other runs on a shared broker publish too, so only this lead's are decoded.
    const records: KafkaMessage[] = [];
    await consumer.connect();
    // From the end of the topic, which holds every earlier run's events on a long-lived broker;
    // the lead is made only once the consumer has its partitions, so none of its events is missed.
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topic: 'leads.events.v1', fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => void records.push(message),
    });
    await joined;
    try {
      const created = await world.partner('POST', leads, { fields: { name: 'Evented' } });
      const id = String(created.body['id']);
      await world.partner('PATCH', `${leads}/${id}`, { status: 'won' });
      const mine = (
        await waitFor(
          'both events',
          async () => {
            const found = records.filter((record) => record.key?.toString('utf8') === id);
            return found.length >= 2 ? found : undefined;
          },
          20000,
        )
      ).map(cloudEventOf);
      expect(mine.map((event) => [event.type, event.id, event['partitionkey']])).toEqual([
        ['lead.created', `${id}:1`, id],
        ['lead.status_changed', `${id}:2`, id],
      ]);
      // The SDK's own check of the CloudEvents 1.0 attributes.
      expect(mine.every((event) => event.validate())).toBe(true);
      // The operator CLI shows the same events (`npm run leadgate -- events tail`).
      const tail = spawnSync(
        process.execPath,
        [
          path.resolve(__dirname, '../../../tools/cli/leadgate.mjs'),
          'events',
          'tail',
          '--campaign',
          world.campaignId,
          // From the test's start, not the topic's beginning: a long-lived broker holds millions.
          '--since',
          '10m',
          '--max',
          '1',
        ],
        { env: { PATH: process.env['PATH'], KAFKA_BROKERS }, encoding: 'utf8', timeout: 60000 },
      );
      expect(tail.status).toBe(0);
      expect(JSON.parse(tail.stdout.trim().split('\n')[0] ?? '{}')).toMatchObject({
        specversion: '1.0',
        data: { campaign_id: world.campaignId },
      });
      expect(mine[1]?.toJSON()).toMatchObject({
        specversion: '1.0',
        datacontenttype: 'application/json',
        data: { campaign_id: world.campaignId, changed: ['status'], lead: { id, status: 'won', version: 2 } },
      });
    } finally {
      await consumer.disconnect();
    }
  });
});

import fc from 'fast-check';
import { FIELD_TYPES, FieldAccess } from '@leadgate/contracts';
import { MASKABLE_TYPES, maskValue } from '@leadgate/field-access';
import { bootstrapAdmin, gatewayClient, Platform, startPlatform } from '@leadgate/testing';
import { campaignTokenWithAccess } from './field-access-checks';

type FieldType = (typeof FIELD_TYPES)[number];
type Level = 'full' | 'hidden' | 'masked' | 'read_only';
type Fields = Record<string, unknown>;
interface GeneratedField {
  key: string;
  type: FieldType;
  required: boolean;
  level: Level;
}
interface Scenario {
  fields: GeneratedField[];
  /** Values of every field for each lead the admin stores, and for each lead the token writes. */
  adminLeads: Fields[];
  tokenLeads: Fields[];
}

const word = fc.stringMatching(/^[a-z0-9]{6,10}$/);

/** Values no answer could contain by chance: a `zq` marker, years no timestamp has, numbers of eight digits and more. */
const valueOf: Record<FieldType, fc.Arbitrary<unknown>> = {
  text: word.map((w) => `Zq${w}`),
  textarea: fc.tuple(word, word).map(([a, b]) => `Zq${a} ${b}`),
  email: fc.tuple(word, word).map(([a, b]) => `zq.${a}@${b}.example`),
  phone: fc.stringMatching(/^[0-9]{8}$/).map((digits) => `+45${digits}`),
  url: fc.tuple(word, word).map(([a, b]) => `https://zq${a}.example/${b}`),
  number: fc.integer({ min: 10_000_000, max: 2_000_000_000 }),
  date: fc.date({ min: new Date('1900-01-01'), max: new Date('1979-12-31'), noInvalidDate: true }).map((day) => {
    return day.toISOString().slice(0, 10);
  }),
  boolean: fc.boolean(),
};

/** Levels a field may have on a read+write token (§13: required fields are neither hidden nor read-only). */
function levelsFor(type: FieldType, required: boolean): Level[] {
  const masked: Level[] = MASKABLE_TYPES.includes(type) ? ['masked'] : [];
  return required ? ['full', ...masked] : ['full', 'hidden', ...masked, 'read_only'];
}

const generatedField = (index: number) =>
  fc
    .record({
      suffix: fc.stringMatching(/^[a-z0-9]{6}$/),
      type: fc.constantFrom(...FIELD_TYPES),
      required: fc.boolean(),
    })
    .chain(({ suffix, type, required }) =>
      // Keys of one length, so no key is part of another and a key in a text is that field.
      fc
        .constantFrom(...levelsFor(type, required))
        .map((level) => ({ key: `f${index}_${suffix}`, type, required, level })),
    );

const scenario: fc.Arbitrary<Scenario> = fc
  .integer({ min: 1, max: 6 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => generatedField(index))))
  .chain((fields) => {
    const lead = fc.tuple(...fields.map((field) => valueOf[field.type])).map((values) => {
      return Object.fromEntries(fields.map((field, index) => [field.key, values[index]]));
    });
    return fc.record({
      fields: fc.constant(fields),
      adminLeads: fc.array(lead, { minLength: 1, maxLength: 2 }),
      tokenLeads: fc.array(lead, { minLength: 2, maxLength: 2 }),
    });
  });

const keysAt = (fields: GeneratedField[], level: Level) => fields.filter((f) => f.level === level).map((f) => f.key);

/** What a token may write: every field but the hidden and read-only ones. */
function writable(fields: GeneratedField[], values: Fields): Fields {
  return Object.fromEntries(
    fields.filter((f) => f.level === 'full' || f.level === 'masked').map((f) => [f.key, values[f.key]]),
  );
}

/** The fields this token must read of a stored lead, worked out from the levels and maskValue alone. */
function expectedRead(fields: GeneratedField[], stored: Fields): Fields {
  const read: Fields = {};
  for (const field of fields) {
    if (field.level === 'hidden' || !(field.key in stored)) continue;
    read[field.key] = field.level === 'masked' ? maskValue(field.type, stored[field.key]) : stored[field.key];
  }
  return read;
}

/**
 * The property (API.md §13), end to end through the gateway, the leads service and the docs
 * service on the real broker and store: for generated schemas, leads and field-access sets, no
 * hidden key or value and no masked value in full appears anywhere in the text of any read, list
 * page, write answer (create, PATCH, batch), idempotent replay, partner schema or docs document of
 * that token, and each read is exactly the projection worked out here.
 */
describe('field access, property over generated schemas, leads and access sets', () => {
  let platform: Platform;
  let admin: ReturnType<typeof gatewayClient>;
  let anonymous: ReturnType<typeof rawClient>;
  let run = 0;

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'docs'] });
    ({ admin } = await bootstrapAdmin(platform, 'Field access property'));
    anonymous = rawClient(platform.gateway.url);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function tokenFor(fields: GeneratedField[]) {
    run += 1;
    const campaign = await admin('POST', '/v1/admin/campaigns', {
      name: `Property campaign ${run}`,
      fields: fields.map(({ key, type, required }) => ({ key, type, required, label: `Field ${key}` })),
      selects: [],
      relations: [],
    });
    if (campaign.status !== 201) throw new Error(`campaign: ${JSON.stringify(campaign.body)}`);
    const campaignId = String(campaign.body['id']);
    const access: FieldAccess = {
      hidden: keysAt(fields, 'hidden'),
      masked: keysAt(fields, 'masked'),
      read_only: keysAt(fields, 'read_only'),
    };
    const made = await campaignTokenWithAccess(admin, platform.gateway.url, campaignId, {
      name: `Property token ${run}`,
      permissions: ['read', 'write'],
      field_access: access,
    });
    const raw = rawClient(platform.gateway.url, made.token);
    const docsPath = new URL(String((await admin('GET', `/v1/admin/tokens/${made.id}`)).body['docs_url'])).pathname;
    return { campaignId, raw, docsPath };
  }

  it('leaks no hidden key or value and no masked value in full, and reads exactly the projection', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ fields, adminLeads, tokenLeads }) => {
        const { campaignId, raw, docsPath } = await tokenFor(fields);
        const leads = `/v1/campaigns/${campaignId}/leads`;
        const stored: Fields[] = [];
        const answers: { what: string; status: number; text: string }[] = [];

        for (const values of adminLeads) {
          const created = await admin('POST', leads, { fields: values });
          if (created.status !== 201) throw new Error(`admin lead: ${JSON.stringify(created.body)}`);
          stored.push(values);
          const read = await raw('GET', `${leads}/${String(created.body['id'])}`);
          expect(read.status).toBe(200);
          expect(JSON.parse(read.text)['fields']).toEqual(expectedRead(fields, values));
          answers.push(read);
        }

        const [first, second] = tokenLeads.map((values) => writable(fields, values));
        const create = await raw('POST', leads, { fields: first }, { 'idempotency-key': `property-${run}` });
        expect(create.status).toBe(201);
        expect(JSON.parse(create.text)['fields']).toEqual(expectedRead(fields, first));
        const replay = await raw('POST', leads, { fields: first }, { 'idempotency-key': `property-${run}` });
        expect(replay.text).toBe(create.text);
        const patch = await raw('PATCH', `${leads}/${String(JSON.parse(create.text)['id'])}`, { fields: second });
        expect(patch.status).toBe(200);
        expect(JSON.parse(patch.text)['fields']).toEqual(expectedRead(fields, second));
        const batchBody = { leads: [{ fields: first }, { fields: second }] };
        const batch = await raw('POST', `${leads}/batch`, batchBody, { 'idempotency-key': `property-batch-${run}` });
        expect(batch.status).toBe(200);
        const batchReplay = await raw('POST', `${leads}/batch`, batchBody, {
          'idempotency-key': `property-batch-${run}`,
        });
        expect(batchReplay.text).toBe(batch.text);
        stored.push(first, second);
        answers.push(create, replay, patch, batch, batchReplay);

        const page = await raw('GET', `${leads}?limit=500`);
        expect(JSON.parse(page.text)['data']).toHaveLength(adminLeads.length + 3);
        answers.push(page, await raw('GET', `/v1/campaigns/${campaignId}/schema`));
        for (const document of ['', '/openapi.json', '/openapi.yaml', '/postman.json']) {
          const response = await anonymous('GET', `${docsPath}${document}`);
          expect(response.status).toBe(200);
          answers.push(response);
        }

        for (const { what, text } of answers) expectNothingLeaked(what, text, fields, stored);
      }),
      { numRuns: 12 },
    );
  });
});

/** Calls through the gateway that keep the answer as the text that came over the wire. */
function rawClient(baseUrl: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { what: `${method} ${path}`, status: response.status, text: await response.text() };
  };
}

/** No hidden key anywhere in the text; no hidden value, and no masked value in full, of any lead stored. */
function expectNothingLeaked(what: string, text: string, fields: GeneratedField[], stored: Fields[]) {
  const leaks: string[] = [];
  for (const field of fields) {
    if (field.level === 'hidden' && text.includes(field.key)) leaks.push(`hidden key ${field.key}`);
    if (field.level !== 'hidden' && field.level !== 'masked') continue;
    for (const lead of stored) {
      const value = lead[field.key];
      // A boolean is anywhere in a text; its key is not (checked above when hidden).
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      if (text.includes(String(value))) leaks.push(`${field.level} value of ${field.key}`);
    }
  }
  expect({ what, leaks }).toEqual({ what, leaks: [] });
}

import { JsonSchema, schemaProblems } from '@leadgate/api-docs';
import { bootstrapAdmin, gatewayClient, partnerCampaign, Platform, startPlatform, waitFor } from '@leadgate/testing';
import fc from 'fast-check';

type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> } | { $ref: string }>;
};
type Doc = JsonSchema & { paths: Record<string, Record<string, Operation>> };

const RUNS_PER_OPERATION = Number(process.env['SPEC_FUZZ_RUNS'] ?? 25);

/** Values for a JSON Schema: valid most of the time, sometimes not (wrong types, unknown keys, junk). */
function arbitraryFor(schema: JsonSchema | undefined, root: Doc, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.anything();
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    return arbitraryFor(target as JsonSchema, root, depth + 1);
  }
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  if (Array.isArray(schema['anyOf']))
    return fc.oneof(...(schema['anyOf'] as JsonSchema[]).map((option) => arbitraryFor(option, root, depth + 1)));
  const type = ([] as unknown[]).concat(schema['type'] ?? 'string')[0];
  switch (type) {
    case 'object': {
      const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
      const required = (schema['required'] ?? []) as string[];
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, value]) => [key, arbitraryFor(value, root, depth + 1)]),
        ),
        { requiredKeys: required.filter((key) => key in properties) },
      );
    }
    case 'array':
      return fc.array(arbitraryFor(schema['items'] as JsonSchema, root, depth + 1), { maxLength: 3 });
    case 'integer':
      return fc.integer({ min: Number(schema['minimum'] ?? -1000), max: Number(schema['maximum'] ?? 1000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      if (schema['format'] === 'email') return fc.emailAddress();
      if (schema['format'] === 'date')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
          .map((date) => date.toISOString().slice(0, 10));
      if (schema['format'] === 'date-time')
        return fc.date({ noInvalidDate: true, min: new Date('2000-01-01') }).map((date) => date.toISOString());
      if (schema['format'] === 'uri') return fc.webUrl();
      return fc.string({ maxLength: 40 });
  }
}

/** Calls every operation of `doc` with generated requests as `token`; what broke the spec, and the statuses seen. */
async function fuzz(gatewayUrl: string, doc: Doc, token: string, leadId: string, label: string) {
  const breaks: string[] = [];
  let calls = 0;
  const statuses = new Map<number, number>();
  for (const [pathTemplate, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'patch'].includes(method)) continue;
      const body = operation.requestBody?.content['application/json']?.schema;
      const requests = fc.sample(
        fc.record({
          body: fc.oneof({ weight: 4, arbitrary: arbitraryFor(body, doc) }, { weight: 1, arbitrary: fc.anything() }),
          query: fc.record(
            Object.fromEntries(
              (operation.parameters ?? [])
                .filter((parameter) => parameter.in === 'query')
                .map((parameter) => [
                  parameter.name,
                  fc.option(arbitraryFor(parameter.schema, doc).map(String), { nil: undefined }),
                ]),
            ),
          ),
        }),
        RUNS_PER_OPERATION,
      );
      for (const request of requests) {
        const query = new URLSearchParams(
          Object.entries(request.query).filter((entry): entry is [string, string] => entry[1] !== undefined),
        ).toString();
        const path = pathTemplate.replace('{leadId}', leadId).replace('{fileId}', '000000000000000000000000');
        const multipart = operation.requestBody?.content['multipart/form-data'] !== undefined;
        let requestBody: string | FormData | undefined;
        if (multipart) {
          const form = new FormData();
          form.append('file', new Blob([JSON.stringify(request.body) ?? 'x']), 'fuzz.json');
          requestBody = form;
        } else if (method !== 'get') {
          requestBody = JSON.stringify(request.body ?? null);
        }
        const response = await fetch(`${gatewayUrl}${path}${query ? `?${query}` : ''}`, {
          method: method.toUpperCase(),
          headers: {
            authorization: `Bearer ${token}`,
            ...(requestBody !== undefined && !multipart ? { 'content-type': 'application/json' } : {}),
          },
          body: requestBody,
        });
        calls++;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const where = `${method.toUpperCase()} ${pathTemplate} → ${response.status}`;
        if (response.status >= 500) {
          breaks.push(`${where}: server error`);
          continue;
        }
        const documented = operation.responses[String(response.status)] ?? operation.responses['default'];
        if (!documented) {
          breaks.push(`${where}: status not documented`);
          continue;
        }
        const contentType = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
        const content = 'content' in documented ? documented.content : undefined;
        if (!content) continue;
        const schema = content[contentType]?.schema;
        if (!schema) {
          if (contentType.includes('json')) breaks.push(`${where}: ${contentType} not documented`);
          continue;
        }
        if (!contentType.includes('json')) continue;
        const problems = schemaProblems(schema, await response.json(), doc);
        if (problems.length > 0) breaks.push(`${where}: ${problems.slice(0, 3).join('; ')}`);
      }
    }
  }
  const histogram = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}x${count}`);
  process.stdout.write(
    `[spec-fuzz ${label}] ${calls} generated calls over ${Object.keys(doc.paths).length} paths (${histogram.join(' ')}), ${breaks.length} broke the spec\n`,
  );
  return { breaks, statuses };
}

/**
 * Every operation of a read+write filtered token's spec, called with generated requests (mostly
 * valid by the spec, some not) against the live API: no 5xx, and every answer is one the operation
 * documents, with a body that fits the documented schema. Again for a token with field access:
 * its masked answers (`+45******78`, `h***`) must fit the read schema its docs give it.
 */
describe('spec fuzz: a read+write token spec against the live API', () => {
  let platform: Platform;
  let doc: Doc;
  let token: string;
  let leadId: string;
  /** A second read+write token on the same filter, with field access: what it reads must fit its own spec. */
  const access = { doc: {} as Doc, token: '' };

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'docs'] });
    const account = await bootstrapAdmin(platform, 'Fuzz');
    const admin = account.admin;
    const { campaignId, filterId, partnerToken, partner } = await partnerCampaign(admin, {
      gatewayUrls: [platform.gateway.url],
      campaign: {
        name: 'Fuzzed',
        fields: ['name', 'email', 'phone', 'website', 'rooms', 'visit_on', 'consent'],
        selects: ['select_partner'],
        statuses: ['new', 'won'],
      },
      tokenName: 'rw',
    });
    token = partnerToken.token;
    const lead = await waitFor('partner lead', async () => {
      const response = await partner('POST', `/v1/campaigns/${campaignId}/leads`, { fields: { name: 'Seed' } });
      return response.status === 201 ? response : undefined;
    });
    leadId = String(lead.body['id']);
    const docsPath = new URL(partnerToken.docs_url).pathname;
    doc = (await gatewayClient(platform.gateway.url)('GET', `${docsPath}/openapi.json`)).body as unknown as Doc;
    const made = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'rw with field access',
      permissions: ['read', 'write'],
      filter_id: filterId,
      field_access: { hidden: ['consent'], masked: ['email', 'phone', 'website'], read_only: ['visit_on'] },
    });
    expect(made.status).toBe(201);
    access.token = String(made.body['token']);
    const accessClient = gatewayClient(platform.gateway.url, access.token);
    await waitFor('the field access token at the gateway', async () => {
      return (await accessClient('GET', `/v1/campaigns/${campaignId}/leads?limit=1`)).status === 200;
    });
    const accessDocs = `${new URL(String(made.body['docs_url'])).pathname}/openapi.json`;
    access.doc = (await gatewayClient(platform.gateway.url)('GET', accessDocs)).body as unknown as Doc;
    expect(JSON.stringify(access.doc)).toContain('x-leadgate-access');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers every generated request without a 5xx and as the spec documents', async () => {
    const { breaks, statuses } = await fuzz(platform.gateway.url, doc, token, leadId, 'rw');
    expect(breaks.slice(0, 20)).toEqual([]);
    // The generator must reach both sides of validation, or the run proves little.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].some((status) => status >= 400 && status < 500)).toBe(true);
  }, 240000);

  it('answers as the spec of a token with field access documents: masked values fit its read schema (API.md §13)', async () => {
    const { breaks, statuses } = await fuzz(platform.gateway.url, access.doc, access.token, leadId, 'field access');
    expect(breaks.slice(0, 20)).toEqual([]);
    // The generator must reach both sides of validation, or the run proves little.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].some((status) => status >= 400 && status < 500)).toBe(true);
  }, 240000);
});

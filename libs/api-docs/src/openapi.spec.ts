import SwaggerParser from '@apidevtools/swagger-parser';
import { parse } from 'yaml';
import { buildOpenApi, OpenApiDocument } from './openapi';
import { JsonSchema } from './model';
import { CAMPAIGN, campaignDocs, PARTNER_FILTER, READ, schemaProblems, tokenInput, WRITE } from './testing/fixtures';
import { toYaml } from './yaml';

const methods = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));

const schemaOf = (doc: OpenApiDocument, name: string) => doc.components.schemas[name];

function requestExample(doc: OpenApiDocument, path: string, method: string) {
  const body = doc.paths[path][method]['requestBody'] as {
    content: Record<string, { example: unknown; schema: JsonSchema }>;
  };
  return body.content['application/json'];
}

describe('buildOpenApi', () => {
  it('documents only what a read-only token may call', () => {
    const doc = buildOpenApi(tokenInput(READ));
    expect(methods(doc).sort()).toEqual(
      [
        'get /v1/me',
        'get /v1/campaigns/cmp_heat/schema',
        'get /v1/campaigns/cmp_heat/leads',
        'get /v1/campaigns/cmp_heat/leads/{leadId}',
        'get /v1/campaigns/cmp_heat/leads/{leadId}/files',
        'get /v1/campaigns/cmp_heat/leads/{leadId}/files/{fileId}',
      ].sort(),
    );
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://api.example.com' }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('adds the writes for a read+write token, and nothing for scopes it lacks', () => {
    expect(methods(buildOpenApi(tokenInput(WRITE)))).toEqual(
      expect.arrayContaining([
        'post /v1/campaigns/cmp_heat/leads',
        'post /v1/campaigns/cmp_heat/leads/batch',
        'patch /v1/campaigns/cmp_heat/leads/{leadId}',
        'post /v1/campaigns/cmp_heat/leads/{leadId}/files',
      ]),
    );
    expect(methods(buildOpenApi(tokenInput(['leads:read'])))).toEqual([
      'get /v1/me',
      'get /v1/campaigns/cmp_heat/leads',
      'get /v1/campaigns/cmp_heat/leads/{leadId}',
    ]);
  });

  it('turns the campaign schema into JSON Schema: types, formats, required, enums, pinned const', () => {
    const doc = buildOpenApi(tokenInput(WRITE));
    const create = schemaOf(doc, 'LeadCreate') as {
      properties: Record<string, JsonSchema & { properties: Record<string, JsonSchema> }>;
    };
    const { fields, select_field_values: selects, status, relations } = create.properties;
    expect(fields['required']).toEqual(['name', 'email']);
    expect(fields['additionalProperties']).toBe(false);
    expect(fields.properties['email']).toMatchObject({ type: 'string', pattern: expect.stringContaining('@') });
    expect(fields.properties['website']).toMatchObject({ type: 'string', format: 'uri' });
    expect(fields.properties['visit_on']).toMatchObject({ type: 'string', format: 'date' });
    expect(fields.properties['rooms']).toMatchObject({ type: 'number' });
    expect(fields.properties['consent']).toMatchObject({ type: 'boolean' });
    expect(selects.properties['select_partner']).toMatchObject({ const: 'SELECT_PARTNER' });
    expect(selects.properties['heating']).toMatchObject({ enum: ['OIL', 'GAS'] });
    expect(status).toMatchObject({ enum: ['new', 'won'] });
    expect(relations.properties['relation_installer']).toMatchObject({ const: 'inst_1' });
    // The read side shows the pin too.
    const lead = schemaOf(doc, 'Lead') as { properties: Record<string, { properties: Record<string, JsonSchema> }> };
    expect(lead.properties['select_field_values'].properties['select_partner']).toMatchObject({
      const: 'SELECT_PARTNER',
    });
  });

  it('gives examples that pass the documented schemas and stay inside the filter', () => {
    const doc = buildOpenApi(tokenInput(WRITE));
    const root = doc as unknown as JsonSchema;
    for (const [path, method] of [
      ['/v1/campaigns/cmp_heat/leads', 'post'],
      ['/v1/campaigns/cmp_heat/leads/batch', 'post'],
      ['/v1/campaigns/cmp_heat/leads/{leadId}', 'patch'],
    ]) {
      const { example, schema } = requestExample(doc, path, method);
      expect(schemaProblems(schema, example, root)).toEqual([]);
    }
    const { example } = requestExample(doc, '/v1/campaigns/cmp_heat/leads', 'post');
    expect(example).toMatchObject({ fields: { postcode: '8000', rooms: 42, consent: true, visit_on: '2024-05-01' } });
    expect(example).not.toHaveProperty('select_field_values.select_partner');
  });

  it('pins the status as const and narrows in-lists to enums', () => {
    const doc = buildOpenApi(
      tokenInput(READ, [
        campaignDocs({
          all: [
            { status: 'won', op: 'eq' },
            { select: 'heating', op: 'in', value: ['GAS', 'OIL'] },
          ],
        }),
      ]),
    );
    const lead = schemaOf(doc, 'LeadCreate') as {
      properties: Record<string, JsonSchema & { properties: Record<string, JsonSchema> }>;
    };
    expect(lead.properties.status).toMatchObject({ const: 'won' });
    expect(lead.properties.select_field_values.properties['heating']).toMatchObject({ enum: ['OIL', 'GAS'] });
  });

  it('documents every campaign of an account token with its own paths and schemas', () => {
    const other = { ...CAMPAIGN, id: 'cmp_solar', name: 'Solar' };
    const doc = buildOpenApi({
      ...tokenInput(['leads:*', 'campaigns:read']),
      kind: 'account',
      campaigns: [campaignDocs(null), campaignDocs(null, other)],
    });
    expect(doc.paths['/v1/campaigns/cmp_solar/leads']['post']['operationId']).toBe('create_cmp_solar');
    expect(doc.paths['/v1/campaigns/cmp_heat/leads']['post']['operationId']).toBe('create_cmp_heat');
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['LeadCreate_cmp_heat', 'Lead_cmp_solar']),
    );
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op['operationId']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents headers, problem answers and list parameters', () => {
    const doc = buildOpenApi(tokenInput(WRITE));
    const list = doc.paths['/v1/campaigns/cmp_heat/leads']['get'] as { parameters: Record<string, unknown>[] };
    expect(list.parameters.map((p) => p['name'] ?? p['$ref'])).toEqual([
      'status',
      'select.select_partner',
      'select.heating',
      ...CAMPAIGN.fields.map((field) => `field.${field.key}`),
      '#/components/parameters/UpdatedSince',
      '#/components/parameters/Limit',
      '#/components/parameters/Cursor',
    ]);
    expect(doc.components.parameters['Limit']).toMatchObject({ schema: { minimum: 1, maximum: 500, default: 50 } });
    expect(Object.keys(doc.components.headers)).toEqual(
      expect.arrayContaining(['ETag', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After']),
    );
    expect(doc.components.responses['ValidationFailed']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    const patch = doc.paths['/v1/campaigns/cmp_heat/leads/{leadId}']['patch'] as { parameters: unknown[] };
    expect(patch.parameters).toContainEqual({ $ref: '#/components/parameters/IfMatch' });
  });

  it('states the server’s rules as schema keywords: no NUL, key format, required never cleared, served file types', () => {
    const doc = buildOpenApi(tokenInput(WRITE));
    const root = doc as unknown as JsonSchema;
    const fieldsOf = (name: string) =>
      (schemaOf(doc, name) as { properties: { fields: { properties: Record<string, JsonSchema> } } }).properties.fields
        .properties;
    const create = fieldsOf('LeadCreate');
    expect(schemaProblems(create['name'], 'Jane', root)).toEqual([]);
    expect(schemaProblems(create['name'], 'Ja\u0000ne', root)).not.toEqual([]);
    expect(schemaProblems(create['email'], 'jane doe@example.com', root)).not.toEqual([]);
    // A required field of an update may be left out, never emptied or cleared (422 "is required").
    const update = fieldsOf('LeadUpdate');
    expect(schemaProblems(update['name'], null, root)).not.toEqual([]);
    expect(schemaProblems(update['name'], '', root)).not.toEqual([]);
    expect(schemaProblems(update['postcode'], null, root)).toEqual([]);
    const key = doc.components.parameters['IdempotencyKey'] as { schema: JsonSchema };
    for (const refused of ['', 'with space', 'ä', 'k'.repeat(256)]) {
      expect(schemaProblems(key.schema, refused, root)).not.toEqual([]);
    }
    expect(schemaProblems(key.schema, 'order-4711:retry', root)).toEqual([]);
    const download = doc.paths['/v1/campaigns/cmp_heat/leads/{leadId}/files/{fileId}']['get'] as {
      responses: { '200': { content: Record<string, { schema: JsonSchema }> } };
    };
    expect(Object.keys(download.responses['200'].content)).toEqual(
      expect.arrayContaining(['text/plain', 'application/pdf', 'image/png', 'application/octet-stream']),
    );
    expect(download.responses['200'].content['application/octet-stream'].schema).toEqual({
      type: 'string',
      format: 'binary',
    });
    const list = doc.paths['/v1/campaigns/cmp_heat/leads']['get'] as { responses: Record<string, unknown> };
    expect(list.responses).toHaveProperty('431');
  });

  it('round-trips through YAML', () => {
    const doc = buildOpenApi(tokenInput(WRITE));
    expect(parse(toYaml(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('keeps an unfiltered token free of pins', () => {
    const doc = buildOpenApi(tokenInput(WRITE, [campaignDocs(null)]));
    const create = schemaOf(doc, 'LeadCreate') as {
      properties: Record<string, { properties: Record<string, JsonSchema> }>;
    };
    expect(create.properties['select_field_values'].properties['select_partner']).toMatchObject({
      enum: ['SELECT_PARTNER', 'VENDOR_NORTH', 'VENDOR_SOUTH'],
    });
    expect(PARTNER_FILTER).toBeDefined();
  });
});

describe('buildOpenApi against a real OpenAPI 3.1 validator', () => {
  it.each([
    ['read-only filtered', tokenInput(READ)],
    ['read+write filtered', tokenInput(WRITE)],
    [
      'account-level',
      {
        ...tokenInput(['admin']),
        kind: 'account' as const,
        campaigns: [campaignDocs(null), campaignDocs(null, { ...CAMPAIGN, id: 'cmp_solar' })],
      },
    ],
    ['no campaign', { ...tokenInput(['tokens:read']), campaigns: [] }],
  ])('%s', async (_name, input) => {
    await expect(SwaggerParser.validate(structuredClone(buildOpenApi(input)) as never)).resolves.toBeDefined();
  });
});

import SwaggerParser from '@apidevtools/swagger-parser';
import fc from 'fast-check';
import { CampaignSchemaStateV1, FIELD_TYPES, FieldAccess, FilterCondition, FilterLeaf } from '@leadgate/contracts';
import { fieldAccessProblems, MASKABLE_TYPES, maskValue } from '@leadgate/field-access';
import { buildAsyncApi } from './asyncapi';
import { renderDocsPage } from './html';
import { JsonSchema, TokenDocsInput } from './model';
import { buildOpenApi, OpenApiDocument } from './openapi';
import { buildPostman } from './postman';
import { CAMPAIGN, campaignDocs, PARTNER_FILTER, READ, schemaProblems, tokenInput, WRITE } from './testing/fixtures';
import { toYaml } from './yaml';

type Field = CampaignSchemaStateV1['fields'][number];
type Level = 'full' | 'hidden' | 'masked' | 'read_only';
type Operation = {
  requestBody?: { content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema; example?: unknown }> }>;
};

/** Every served text of one token: the page, OpenAPI JSON and YAML, the Postman collection. */
function servedTexts(input: TokenDocsInput): Record<string, string> {
  const doc = buildOpenApi(input);
  return {
    html: renderDocsPage(input, '/docs/p/key'),
    'openapi.json': JSON.stringify(doc, null, 2),
    'openapi.yaml': toYaml(doc),
    'postman.json': JSON.stringify(buildPostman(input), null, 2),
  };
}

const fieldsOf = (doc: OpenApiDocument, schema: string) =>
  (
    doc.components.schemas[schema] as {
      properties: { fields: JsonSchema & { properties: Record<string, JsonSchema> } };
    }
  ).properties.fields;

/** Request and response examples of every operation, each with the schema it must fit. */
function examplesOf(doc: OpenApiDocument): { where: string; schema: JsonSchema; example: unknown }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, raw]) => {
      const operation = raw as Operation;
      const bodies = Object.values(operation.requestBody?.content ?? {}).map((media) => ({
        where: `${method} ${path} request`,
        ...media,
      }));
      const answers = Object.entries(operation.responses).flatMap(([status, answer]) =>
        Object.values(answer.content ?? {}).map((media) => ({ where: `${method} ${path} ${status}`, ...media })),
      );
      return [...bodies, ...answers].flatMap(({ where, schema, example }) =>
        schema && example !== undefined ? [{ where, schema, example }] : [],
      );
    }),
  );
}

/** Requests of the Postman collection that carry a JSON body, parsed. */
function postmanBodies(input: TokenDocsInput): unknown[] {
  const raws = buildPostman(input).item.flatMap((folder) =>
    folder.item.flatMap((item) => (item.request.body?.['mode'] === 'raw' ? [String(item.request.body['raw'])] : [])),
  );
  return raws.map((raw): unknown => JSON.parse(raw));
}

/** Every field key in the `fields` of a create, batch or update body. */
function bodyFieldKeys(body: unknown): string[] {
  const record = body as { fields?: Record<string, unknown>; leads?: { fields?: Record<string, unknown> }[] };
  return [
    ...Object.keys(record.fields ?? {}),
    ...(record.leads ?? []).flatMap((lead) => Object.keys(lead.fields ?? {})),
  ];
}

// Keys are `zq` and six letters without `z`: no key is part of another, nor of any other word in the documents.
const key = fc.stringMatching(/^zq[a-y]{6}$/);

/** A filter value that fits the field (it becomes an example value), naming the key where the type allows. */
function hintFor(field: Field): string | number | boolean {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return `Value ${field.key}`;
    case 'email':
      return `${field.key}@example.com`;
    case 'url':
      return `https://example.com/${field.key}`;
    case 'phone':
      return '+4587654321';
    case 'number':
      return 7;
    case 'date':
      return '2024-06-01';
    case 'boolean':
      return false;
  }
}

const scenario = fc
  .uniqueArray(fc.record({ key, type: fc.constantFrom(...FIELD_TYPES), required: fc.boolean() }), {
    selector: (field) => field.key,
    minLength: 1,
    maxLength: 8,
  })
  .chain((generated) => {
    const count = generated.length;
    return fc.record({
      fields: fc.constant(generated.map((field): Field => ({ ...field, label: `Label of ${field.key}` }))),
      writes: fc.boolean(),
      levels: fc.array(fc.constantFrom<Level>('full', 'hidden', 'masked', 'read_only'), {
        minLength: count,
        maxLength: count,
      }),
      filtered: fc.array(fc.option(fc.constantFrom<'eq' | 'in'>('eq', 'in'), { nil: undefined }), {
        minLength: count,
        maxLength: count,
      }),
      withFilter: fc.boolean(),
    });
  })
  .map(({ fields, writes, levels, filtered, withFilter }) => {
    // Fit the generated levels to the rules (fieldAccessProblems): masks on text only, and a
    // required field stays writable for a token that writes.
    const fitted = fields.map((field, i): Level => {
      const level = levels[i] === 'masked' && !MASKABLE_TYPES.includes(field.type) ? 'hidden' : levels[i];
      if (writes && field.required && (level === 'hidden' || level === 'read_only')) return 'full';
      return level;
    });
    const fitting = (level: Level) => fields.filter((_, i) => fitted[i] === level);
    const access: FieldAccess = {
      hidden: fitting('hidden').map((field) => field.key),
      masked: fitting('masked').map((field) => field.key),
      read_only: fitting('read_only').map((field) => field.key),
    };
    const leaves: FilterLeaf[] = fields.flatMap((field, i) => {
      const op = filtered[i];
      if (!withFilter || op === undefined) return [];
      const value = hintFor(field);
      return [op === 'eq' ? { field: field.key, op, value } : { field: field.key, op, value: [value] }];
    });
    const condition: FilterCondition | null = withFilter
      ? { all: [{ select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' }, ...leaves] }
      : null;
    return { fields, writes, access, condition };
  });

function inputFor(fields: Field[], writes: boolean, access: FieldAccess, condition: FilterCondition | null) {
  const schema: CampaignSchemaStateV1 = { ...CAMPAIGN, fields };
  return tokenInput(writes ? WRITE : READ, [{ ...campaignDocs(condition, schema), fieldAccess: access }]);
}

describe('per-token documents under field access (API.md §13)', () => {
  it('property: no hidden key anywhere, masked marked, read-only out of the writes, every example fits its schema', () => {
    fc.assert(
      fc.property(scenario, ({ fields, writes, access, condition }) => {
        expect(fieldAccessProblems(access, fields, writes)).toEqual([]);
        const input = inputFor(fields, writes, access, condition);
        for (const [name, text] of Object.entries(servedTexts(input))) {
          for (const hidden of access.hidden)
            expect({ name, leaks: text.includes(hidden) }).toEqual({ name, leaks: false });
        }

        const doc = buildOpenApi(input);
        const read = fieldsOf(doc, 'Lead').properties;
        const writable = (schema: string) => fieldsOf(doc, schema).properties;
        for (const field of fields) {
          const level = access.hidden.includes(field.key)
            ? 'hidden'
            : access.masked.includes(field.key)
              ? 'masked'
              : access.read_only.includes(field.key)
                ? 'read_only'
                : 'full';
          if (level === 'masked') {
            expect(read[field.key]).toMatchObject({
              'x-leadgate-access': 'masked',
              description: expect.stringMatching(/^Masked/),
            });
            expect(read[field.key]).not.toHaveProperty('format');
            expect(read[field.key]).not.toHaveProperty('pattern');
            // Writable: in the writes with its normal constraints.
            expect(writable('LeadCreate')).toHaveProperty(field.key);
            expect(writable('LeadUpdate')).toHaveProperty(field.key);
          }
          if (level === 'read_only') {
            expect(read[field.key]).toMatchObject({ readOnly: true, 'x-leadgate-access': 'read_only' });
            expect(writable('LeadCreate')).not.toHaveProperty(field.key);
            expect(writable('LeadUpdate')).not.toHaveProperty(field.key);
            expect(fieldsOf(doc, 'LeadCreate')['required'] ?? []).not.toContain(field.key);
          }
          if (level === 'full') expect(writable('LeadCreate')).toHaveProperty(field.key);
        }

        // The list filters on a field the token reads unmasked, never on a masked (or hidden) one.
        const list = doc.paths['/v1/campaigns/cmp_heat/leads']['get'] as { parameters: { name?: string }[] };
        const filters = list.parameters.flatMap((parameter) => parameter.name?.match(/^field\.(.+)$/)?.[1] ?? []);
        expect(filters.sort()).toEqual(
          fields
            .map((field) => field.key)
            .filter((k) => !access.hidden.includes(k) && !access.masked.includes(k))
            .sort(),
        );

        const unwritable = new Set([...access.hidden, ...access.read_only]);
        const root = doc as unknown as JsonSchema;
        for (const { where, schema, example } of examplesOf(doc)) {
          expect({ where, problems: schemaProblems(schema, example, root) }).toEqual({ where, problems: [] });
          if (where.endsWith('request')) expect(bodyFieldKeys(example).filter((k) => unwritable.has(k))).toEqual([]);
        }
        for (const body of postmanBodies(input)) {
          expect(bodyFieldKeys(body).filter((k) => unwritable.has(k))).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('property: the read schema accepts every masked value the API may answer', () => {
    const text = fc.string({ minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(fc.constantFrom(...MASKABLE_TYPES), text, (type, value) => {
        const field: Field = { key: 'zqmasked', label: 'Masked', type, required: false };
        const input = inputFor([field], false, { hidden: [], masked: ['zqmasked'], read_only: [] }, null);
        const doc = buildOpenApi(input);
        const schema = fieldsOf(doc, 'Lead').properties['zqmasked'];
        expect(schemaProblems(schema, maskValue(type, value), doc as unknown as JsonSchema)).toEqual([]);
      }),
    );
  });
});

describe('per-token documents of the test campaign with field access', () => {
  // Write token on the partner filter (it fixes postcode): phone hidden, e-mail and website masked, postcode read-only.
  const access: FieldAccess = { hidden: ['phone'], masked: ['email', 'website'], read_only: ['postcode'] };
  const input = tokenInput(WRITE, [{ ...campaignDocs(PARTNER_FILTER), fieldAccess: access }]);
  const doc = buildOpenApi(input);

  it('passes a real OpenAPI 3.1 validator', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('documents masked values as the API answers them, and writes with full values', () => {
    const read = fieldsOf(doc, 'Lead').properties;
    expect(read['email']).toMatchObject({
      type: 'string',
      description: expect.stringContaining('e.g. `j***@example.com`'),
      'x-leadgate-access': 'masked',
    });
    expect(read['website']).toEqual({
      title: 'Website',
      type: 'string',
      maxLength: 2000,
      description: expect.stringContaining('`h***`'),
      'x-leadgate-access': 'masked',
    });
    expect(fieldsOf(doc, 'LeadCreate').properties['email']).toMatchObject({ pattern: expect.stringContaining('@') });
    const get = doc.paths['/v1/campaigns/cmp_heat/leads/{leadId}']['get'] as Operation;
    const answer = get.responses['200'].content?.['application/json']?.example as { fields: Record<string, unknown> };
    expect(answer.fields).toMatchObject({ email: 'j***@example.com', website: 'h***', postcode: '8000' });
    expect(answer.fields).not.toHaveProperty('phone');
    const create = doc.paths['/v1/campaigns/cmp_heat/leads']['post'] as Operation;
    const body = create.requestBody?.content['application/json']?.example as { fields: Record<string, unknown> };
    expect(body.fields).toMatchObject({ email: 'jane@example.com', website: 'https://example.com/' });
    expect(Object.keys(body.fields)).not.toEqual(expect.arrayContaining(['postcode']));
  });

  it('shows the access of each field on the page, and a 422 example that names no hidden field', () => {
    const page = renderDocsPage(input, '/docs/p/key').replace(/>\s+</g, '><').replace(/\s+/g, ' ');
    expect(page).toContain('<th>Access for this token</th>');
    expect(page).toMatch(
      /<code>email<\/code>.*?<span class="badge masked">Masked<\/span> read as e\.g\. <code>j\*\*\*@example\.com<\/code>/,
    );
    expect(page).toMatch(/<code>postcode<\/code>.*?<span class="badge read-only">Read-only<\/span>/);
    expect(page).toContain('field_not_writable');
    const hiddenEmail = renderDocsPage(
      tokenInput(READ, [{ ...campaignDocs(null), fieldAccess: { hidden: ['email'], masked: [], read_only: [] } }]),
      '/docs/p/key',
    );
    expect(hiddenEmail).not.toContain('email');
    expect(
      JSON.stringify(
        buildOpenApi(
          tokenInput(READ, [{ ...campaignDocs(null), fieldAccess: { hidden: ['email'], masked: [], read_only: [] } }]),
        ),
      ),
    ).not.toContain('email');
  });

  it('leaves a token without field access as it was: no access column, no marks', () => {
    const plain = buildOpenApi(tokenInput(WRITE));
    expect(JSON.stringify(plain)).not.toContain('x-leadgate-access');
    expect(renderDocsPage(tokenInput(WRITE), '/docs/p/key')).not.toContain('Access for this token');
  });

  it('says in the AsyncAPI that internal events carry full lead data, whatever a token’s field access', () => {
    const events = buildAsyncApi();
    expect(events.info.description).toMatch(/full lead data.*not narrowed by any API token’s field access/s);
    expect(events.components.schemas.Lead['description']).toMatch(/in full/);
  });
});

import { CampaignSchemaStateV1, FIELD_TYPES, FilterCondition } from '@leadgate/contracts';
import { compileToMongo, OPERATORS_BY_TYPE, StoredLead, toPredicate, validateCondition } from '@leadgate/filters';
import { MONGO_URL, uniqueRunId } from '@leadgate/testing';
import fc from 'fast-check';
import { Collection, MongoClient } from 'mongodb';

// Differential property test (DESIGN.md "Leads: the hot path"): on generated campaigns, leads and
// filters, the compiled query run by the real database selects exactly the leads the in-memory
// predicate accepts, both on the leads as written and on the leads as read back.
// FILTER_PROPERTY_RUNS=2000 checks that many conditions instead of the default 200.

type FieldType = (typeof FIELD_TYPES)[number];
type Lead = StoredLead & { _id: string };

const CONDITIONS_PER_LEAD_SET = 10;
const CASES = Math.max(1, Number(process.env['FILTER_PROPERTY_RUNS'] ?? 200) || 200);
const LEAD_SETS = Math.ceil(CASES / CONDITIONS_PER_LEAD_SET);

// ---- values: edge cases first, then random ones ------------------------------------------------

const noNul = (text: string) => !text.includes('\u0000'); // no stored lead can hold U+0000 (FerretDB on PostgreSQL)
const TRICKY_TEXT = [
  '',
  ' ',
  'a',
  'A',
  'abc',
  'ABC',
  'Jane Doe',
  'JANE@Example.com',
  'straße',
  'STRASSE',
  'STRAẞE',
  'ſ',
  '\u212A', // Kelvin sign: Unicode folds it to k
  'k',
  'K',
  'İ',
  'ı',
  'i',
  'I',
  'é',
  'e\u0301',
  'Σσς',
  'ΣΑΣ',
  'É',
  'école',
  'ÉCOLE',
  '😀',
  'x😀y',
  '～',
  '\uE000',
  'a.b',
  'a*b',
  '.*',
  '[a]',
  '(a|b)',
  '$ne',
  '{"$gt":""}',
  'x\ny',
  '\u0001',
  'back\\slash',
];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }).filter(noNul) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }).filter(noNul) },
);
const needle = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('a', 'A', 'e', 'SS', 's', 'k', 'K', 'i', 'I', '😀', '.', '*', ' ', 'x\n') },
  // Letters whose case only Unicode folding relates: contains must keep them apart (it folds ASCII only).
  { weight: 3, arbitrary: fc.constantFrom('ß', 'ẞ', 'σ', 'Σ', 'é', 'É', 'ÉC', '\u212A', 'ı', 'İ', 'i\u0307') },
  // Stored values in the other case: the pairs where ASCII and Unicode folding part ways.
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...TRICKY_TEXT)
      .chain((sample) => fc.constantFrom(sample.toUpperCase(), sample.toLowerCase()))
      .filter((candidate) => candidate.length > 0),
  },
  { weight: 2, arbitrary: text.filter((candidate) => candidate.length > 0) },
);
const number = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      -1,
      1.5,
      -1.5,
      0.1,
      0.30000000000000004,
      42,
      5e-324,
      -5e-324,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31),
      -(2 ** 31) - 1,
    ),
  },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }) },
);
const day = fc.oneof(
  fc.constantFrom('2024-01-01', '2024-02-29', '2023-12-31', '2024-05-01', '1999-12-31', '0001-01-01', '9999-12-31'),
  fc
    .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
);
const instantDate = fc.oneof(
  fc.constantFrom(
    new Date('2024-05-01T00:00:00.000Z'),
    new Date('2024-05-01T00:00:00.001Z'),
    new Date('2024-04-30T23:59:59.999Z'),
  ),
  fc.date({ min: new Date('2024-04-01T00:00:00Z'), max: new Date('2024-06-01T00:00:00Z'), noInvalidDate: true }),
);

/** An instant written with some offset and precision, as a person might: the library must normalize it. */
const instantOperand = fc
  .tuple(instantDate, fc.constantFrom(0, 120, -330, 840), fc.boolean())
  .map(([date, offsetMinutes, withMillis]) => {
    const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, withMillis ? 23 : 19);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    // Without milliseconds the instant moves to the whole second; that is fine, it is still an operand.
    return offsetMinutes === 0 && withMillis ? `${local}Z` : `${local}${offset}`;
  });

function valueOf(type: FieldType): fc.Arbitrary<string | number | boolean> {
  switch (type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
    case 'textarea':
      return text;
    case 'number':
      return number;
    case 'date':
      return day;
    case 'boolean':
      return fc.boolean();
  }
}

// ---- campaign schemas --------------------------------------------------------------------------

const FIELD_POOL: { key: string; type: FieldType }[] = [
  { key: 'name', type: 'text' },
  { key: 'constructor', type: 'text' }, // an Object.prototype name, as data
  { key: 'email', type: 'email' },
  { key: 'phone', type: 'phone' },
  { key: 'site', type: 'url' },
  { key: 'notes', type: 'textarea' },
  { key: 'budget', type: 'number' },
  { key: 'score', type: 'number' },
  { key: 'install_on', type: 'date' },
  { key: 'has_roof', type: 'boolean' },
];
const OPTION_POOL = ['SELECT_PARTNER', 'VENDOR_NORTH', 'VENDOR_SOUTH', 'A', 'B_2'];
const STATUS_POOL = ['new', 'won', 'lost', 'in-progress'];

const schemaArb: fc.Arbitrary<CampaignSchemaStateV1> = fc
  .record({
    fields: fc.subarray(FIELD_POOL, { minLength: 3 }),
    selects: fc
      .subarray(['select_partner', 'select_region', 'select_x'], { minLength: 1 })
      .chain((keys) =>
        fc
          .tuple(...keys.map(() => fc.subarray(OPTION_POOL, { minLength: 1 })))
          .map((options) => keys.map((key, index) => ({ key, options: options[index] }))),
      ),
    statuses: fc.subarray(STATUS_POOL, { minLength: 1 }),
    defaultIndex: fc.nat(),
    required: fc.boolean(),
  })
  .map(({ fields, selects, statuses, defaultIndex, required }) => ({
    id: 'cmp_diff',
    account_id: 'acc_diff',
    name: 'Differential',
    fields: fields.map(({ key, type }) => ({ key, label: key, type, required })),
    selects: selects.map(({ key, options }) => ({
      key,
      label: key,
      options: options.map((value) => ({ value, label: value })),
    })),
    statuses: statuses.map((slug, order) => ({
      slug,
      label: slug,
      is_default: order === defaultIndex % statuses.length,
      order,
    })),
    relations: [],
    receiver: { require_authentication: false },
    version: 1,
    updated_at: '2024-05-01T00:00:00.000Z',
  }));

// ---- leads -------------------------------------------------------------------------------------

/** A stored value: mostly of the right type, sometimes missing or null, rarely of another type. */
function storedValue<T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: right },
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.oneof(text, number, fc.boolean()) },
  );
}

function withoutMissing(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function leadArb(schema: CampaignSchemaStateV1): fc.Arbitrary<Omit<Lead, '_id'>> {
  const fields = fc.tuple(...schema.fields.map((field) => storedValue(valueOf(field.type))));
  const selects = fc.tuple(
    ...schema.selects.map((select) => storedValue(fc.constantFrom(...select.options.map((option) => option.value)))),
  );
  return fc
    .record({
      fields,
      selects,
      status: fc.constantFrom(...schema.statuses.map((status) => status.slug)),
      created: instantDate,
      updatedLater: fc.nat({ max: 3 * 86_400_000 }),
    })
    .map((lead) => ({
      campaign_id: schema.id,
      fields: withoutMissing(Object.fromEntries(schema.fields.map((field, index) => [field.key, lead.fields[index]]))),
      select_field_values: withoutMissing(
        Object.fromEntries(schema.selects.map((select, index) => [select.key, lead.selects[index]])),
      ),
      status: lead.status,
      relations: {},
      created_at: lead.created.toISOString(),
      updated_at: new Date(lead.created.getTime() + lead.updatedLater).toISOString(),
      version: 1,
    }));
}

// ---- conditions --------------------------------------------------------------------------------

function operandFor(op: string, single: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  if (op === 'empty' || op === 'not_empty') return fc.constant(undefined);
  if (op === 'in' || op === 'nin') return fc.array(single, { minLength: 1, maxLength: 4 });
  return single;
}

function leafWith(target: Record<string, unknown>, ops: readonly string[], single: fc.Arbitrary<unknown>) {
  return fc
    .constantFrom(...ops)
    .chain((op) =>
      operandFor(op, single).map((value) => ({ ...target, op, ...(value === undefined ? {} : { value }) })),
    );
}

function leafArb(schema: CampaignSchemaStateV1): fc.Arbitrary<unknown> {
  // contains weighs as much as all other text operators together: its case folding is the subtle part.
  const opFor = (type: FieldType) =>
    OPERATORS_BY_TYPE[type].includes('contains')
      ? fc.oneof(fc.constant('contains'), fc.constantFrom(...OPERATORS_BY_TYPE[type]))
      : fc.constantFrom(...OPERATORS_BY_TYPE[type]);
  const fieldLeaves = schema.fields.map((field) =>
    opFor(field.type).chain((op) =>
      operandFor(op, op === 'contains' ? needle : valueOf(field.type)).map((value) => ({
        field: field.key,
        op,
        ...(value === undefined ? {} : { value }),
      })),
    ),
  );
  const selectLeaves = schema.selects.map((select) =>
    leafWith(
      { select: select.key },
      OPERATORS_BY_TYPE.select,
      fc.constantFrom(...select.options.map((option) => option.value)),
    ),
  );
  const slugs = fc.constantFrom(...schema.statuses.map((status) => status.slug));
  const statusLeaves = [
    fc.record({ status: slugs, op: fc.constantFrom('eq', 'neq') }),
    leafWith({ status: true }, OPERATORS_BY_TYPE.status, slugs),
  ];
  const timestampLeaves = ['created_at', 'updated_at'].map((key) =>
    leafWith({ [key]: true }, OPERATORS_BY_TYPE.timestamp, instantOperand),
  );
  return fc.oneof(
    { weight: 5, arbitrary: fc.oneof(...fieldLeaves) },
    { weight: 2, arbitrary: fc.oneof(...selectLeaves) },
    { weight: 1, arbitrary: fc.oneof(...statusLeaves) },
    { weight: 1, arbitrary: fc.oneof(...timestampLeaves) },
  );
}

function conditionArb(schema: CampaignSchemaStateV1): fc.Arbitrary<unknown> {
  const leaf = leafArb(schema);
  return fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 4, depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: leaf },
      fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('node') }),
    ),
  })).node;
}

const caseArb = schemaArb.chain((schema) =>
  fc.record({
    schema: fc.constant(schema),
    leads: fc.array(leadArb(schema), { minLength: 5, maxLength: 30 }),
    conditions: fc.array(conditionArb(schema), {
      minLength: CONDITIONS_PER_LEAD_SET,
      maxLength: CONDITIONS_PER_LEAD_SET,
    }),
  }),
);

// ---- the property ------------------------------------------------------------------------------

const ids = (leads: { _id: unknown }[]) => leads.map((lead) => String(lead._id)).sort();

describe('filter compiler: MongoDB query and in-memory predicate agree on the real database', () => {
  const client = new MongoClient(MONGO_URL);
  const dbName = `${uniqueRunId()}_filters`;
  let leads: Collection<Lead>;

  beforeAll(async () => {
    await client.connect();
    leads = client.db(dbName).collection<Lead>('leads');
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it(
    `selects the same leads for ${CASES} generated conditions`,
    async () => {
      const started = Date.now();
      let checked = 0;
      let matchedSomething = 0;
      await fc.assert(
        fc.asyncProperty(caseArb, async ({ schema, leads: generated, conditions }) => {
          const written: Lead[] = generated.map((lead, index) => ({ ...lead, _id: `lead_${index}` }));
          await leads.deleteMany({});
          await leads.insertMany(written.map((lead) => structuredClone(lead)));
          const readBack = await leads.find({}).toArray();
          for (const candidate of conditions) {
            const validated = validateCondition(candidate, schema);
            if (!validated.ok) throw new Error(`generated an invalid condition: ${JSON.stringify(validated.errors)}`);
            const condition: FilterCondition = validated.condition;
            const query = compileToMongo(condition, schema);
            const predicate = toPredicate(condition, schema);
            const fromDatabase = ids(await leads.find(query, { projection: { _id: 1 } }).toArray());
            const context = JSON.stringify({ condition, query });
            expect({ context, ids: ids(written.filter(predicate)) }).toEqual({ context, ids: fromDatabase });
            expect({ context, ids: ids(readBack.filter(predicate)) }).toEqual({ context, ids: fromDatabase });
            checked += 1;
            if (fromDatabase.length > 0 && fromDatabase.length < written.length) matchedSomething += 1;
          }
        }),
        { numRuns: LEAD_SETS },
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `[filter-differential] ${checked} conditions on ${LEAD_SETS} lead sets agreed ` +
          `(${matchedSomething} selected some but not all leads) in ${seconds} s\n`,
      );
      expect(checked).toBe(LEAD_SETS * CONDITIONS_PER_LEAD_SET);
      // The generators must produce discriminating conditions, not only all-or-nothing ones.
      expect(matchedSomething).toBeGreaterThan(checked / 5);
    },
    Math.max(120_000, CASES * 400),
  );
});

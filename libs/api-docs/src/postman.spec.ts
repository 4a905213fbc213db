import { buildPostman, DEFAULT_UPLOAD_FILE, PostmanCollection, PostmanRequestItem, POSTMAN_SCHEMA } from './postman';
import { campaignDocs, PARTNER_FILTER, READ, tokenInput, WRITE } from './testing/fixtures';
import { runScript } from './testing/postman-script-runner';

const requests = (collection: PostmanCollection) => collection.item.flatMap((folder) => folder.item);

const named = (collection: PostmanCollection, name: string): PostmanRequestItem => {
  const item = requests(collection).find((candidate) => candidate.name === name);
  if (!item) throw new Error(`no request "${name}"`);
  return item;
};

const testScriptOf = (item: PostmanRequestItem) =>
  item.event.find((event) => event.listen === 'test')?.script.exec.join('\n') ?? '';

const variable = (collection: PostmanCollection, key: string) =>
  collection.variable.find((candidate) => candidate.key === key);

const LEAD = { id: 'lead_new', campaign_id: 'cmp_heat', version: 1 };

describe('buildPostman', () => {
  it('is a v2.1 collection with bearer auth from {{token}} and {{baseUrl}}', () => {
    const collection = buildPostman(tokenInput(WRITE));
    expect(collection.info.schema).toBe(POSTMAN_SCHEMA);
    expect(collection.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] });
    expect(variable(collection, 'baseUrl')).toMatchObject({ value: 'https://api.example.com', type: 'string' });
    expect(variable(collection, 'token')).toMatchObject({ value: '', type: 'string' });
    const create = named(collection, 'Create a lead');
    expect(create.request.method).toBe('POST');
    expect(create.request.url.raw).toBe('{{baseUrl}}/v1/campaigns/cmp_heat/leads');
    expect(JSON.parse(String(create.request.body?.['raw']))).toMatchObject({ fields: { name: 'Jane Doe' } });
    expect(named(collection, 'Get a lead').request.url.path).toEqual([
      'v1',
      'campaigns',
      'cmp_heat',
      'leads',
      '{{leadId}}',
    ]);
  });

  it('has no write requests for a read-only token', () => {
    const methods = requests(buildPostman(tokenInput(READ))).map((item) => item.request.method);
    expect(new Set(methods)).toEqual(new Set(['GET']));
  });

  it('orders the requests so each finds what it needs: list, create, then the lead, upload before download', () => {
    expect(requests(buildPostman(tokenInput(WRITE))).map((item) => item.name)).toEqual([
      'Get the campaign schema',
      'List leads',
      'Create a lead',
      'Create up to 1000 leads',
      'Get a lead',
      'Update a lead',
      'Upload a file to a lead',
      'List the files of a lead',
      'Download a file',
    ]);
    expect(requests(buildPostman(tokenInput(READ))).map((item) => item.name)).toEqual([
      'Get the campaign schema',
      'List leads',
      'Get a lead',
      'List the files of a lead',
      'Download a file',
    ]);
  });

  it('gives every request tests on its status and on the shape of its answer', () => {
    for (const scopes of [READ, WRITE]) {
      for (const item of requests(buildPostman(tokenInput(scopes)))) {
        const script = testScriptOf(item);
        expect({ name: item.name, status: /pm\.response\.to\.have\.status\(\d{3}\)/.test(script) }).toEqual({
          name: item.name,
          status: true,
        });
        // Declares at least two tests, and parses: the stand-in runs it.
        expect(runScript(item, 'test', {}, { code: 500 }).tests.length).toBeGreaterThanOrEqual(2);
      }
    }
    const leadShaped = ['List leads', 'Create a lead', 'Create up to 1000 leads', 'Get a lead', 'Update a lead'];
    for (const name of leadShaped) {
      const script = testScriptOf(named(buildPostman(tokenInput(WRITE)), name));
      expect(script).toContain('const leadSchema = {');
      expect(script).toContain('to.have.jsonSchema(leadSchema)');
    }
  });

  it('checks that a create fills in what the token pins', () => {
    const create = named(buildPostman(tokenInput(WRITE)), 'Create a lead');
    expect(runScript(create, 'test', {}, { code: 201, body: LEAD }).tests).toContain(
      'has the values this token pins filled in',
    );
    expect(testScriptOf(create)).toContain('{"select_partner":"SELECT_PARTNER"}');
  });

  it('captures the created lead into leadId, which every later request on one lead uses', () => {
    const collection = buildPostman(tokenInput(WRITE));
    expect(variable(collection, 'leadId')).toMatchObject({
      value: '',
      description: expect.stringContaining('Create a lead'),
    });
    const create = named(collection, 'Create a lead');
    expect(runScript(create, 'test', {}, { code: 201, body: LEAD }).set).toEqual({ leadId: 'lead_new' });
    // A refused create captures nothing.
    expect(runScript(create, 'test', {}, { code: 422, body: {} }).set).toEqual({});
    const items = requests(collection);
    const captured = items.indexOf(create);
    items.forEach((item, index) => {
      if (!item.request.url.raw.includes('{{leadId}}')) return;
      expect({ name: item.name, after: index > captured }).toEqual({ name: item.name, after: true });
    });
  });

  it('takes the first listed lead into leadId where the token creates none, and keeps one already listed', () => {
    const list = named(buildPostman(tokenInput(READ)), 'List leads');
    const page = { code: 200, body: { data: [{ id: 'a' }, { id: 'b' }], next_cursor: null } };
    expect(runScript(list, 'test', {}, page).set).toEqual({ leadId: 'a' });
    expect(runScript(list, 'test', { leadId: 'b' }, page).set).toEqual({});
    // An id from elsewhere (another campaign's folder) is not kept; an empty page clears it.
    expect(runScript(list, 'test', { leadId: 'zzz' }, page).set).toEqual({ leadId: 'a' });
    expect(runScript(list, 'test', { leadId: 'zzz' }, { code: 200, body: { data: [] } }).set).toEqual({ leadId: '' });
  });

  it('captures the uploaded file into fileId, and the ETag read for If-Match', () => {
    const collection = buildPostman(tokenInput(WRITE));
    const file = { id: 'file_1', filename: 'a.txt', content_type: 'text/plain', size: 3, uploaded_at: '' };
    expect(runScript(named(collection, 'Upload a file to a lead'), 'test', {}, { code: 201, body: file }).set).toEqual({
      fileId: 'file_1',
    });
    const read = { code: 200, body: LEAD, headers: { ETag: '"v1"' } };
    expect(runScript(named(collection, 'Get a lead'), 'test', { leadId: 'lead_new' }, read).set).toEqual({
      leadEtag: '"v1"',
    });
    expect(named(collection, 'Update a lead').request.header).toContainEqual({
      key: 'If-Match',
      value: '{{leadEtag}}',
      disabled: true,
    });
  });

  it('skips a request on one lead or file while its id is unknown, rather than calling /leads/', () => {
    const collection = buildPostman(tokenInput(WRITE));
    for (const item of requests(collection).filter((candidate) => candidate.request.url.raw.includes('{{leadId}}'))) {
      expect({ name: item.name, skipped: runScript(item, 'prerequest', {}).skipped }).toEqual({
        name: item.name,
        skipped: true,
      });
      expect(runScript(item, 'prerequest', { leadId: 'lead_new', fileId: 'file_1' }).skipped).toBe(false);
    }
    expect(runScript(named(collection, 'Download a file'), 'prerequest', { leadId: 'lead_new' }).skipped).toBe(true);
    expect(runScript(named(collection, 'List leads'), 'prerequest', {}).skipped).toBe(false);
  });

  it('uploads the documented file variable, resolved by newman from its working directory', () => {
    const collection = buildPostman(tokenInput(WRITE));
    expect(variable(collection, 'filePath')).toMatchObject({
      value: DEFAULT_UPLOAD_FILE,
      description: expect.stringContaining('--working-dir'),
    });
    expect(named(collection, 'Upload a file to a lead').request.body).toMatchObject({
      mode: 'formdata',
      formdata: [{ key: 'file', type: 'file', src: '{{filePath}}' }],
    });
    expect(collection.info.description).toContain('`filePath`');
    expect(collection.info.description).toContain('newman run postman.json --env-var token=YOUR_TOKEN');
    expect(collection.info.description).toContain('`baseUrl`');
    // A read-only token uploads nothing: no file to choose, no ETag to keep.
    const readOnly = buildPostman(tokenInput(READ));
    expect(readOnly.variable.map((candidate) => candidate.key)).toEqual(['baseUrl', 'token', 'leadId', 'fileId']);
  });

  it('names no hidden field, in its requests or its scripts', () => {
    const hidden = [{ ...campaignDocs(PARTNER_FILTER), fieldAccess: { hidden: ['phone'], masked: [], read_only: [] } }];
    const text = JSON.stringify(buildPostman(tokenInput(WRITE, hidden)));
    expect(text).not.toMatch(/phone/i);
    expect(JSON.stringify(buildPostman(tokenInput(WRITE)))).toMatch(/phone/i);
  });
});

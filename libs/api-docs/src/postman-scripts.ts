import { FILE_SCHEMA, leadSchema } from './json-schema';
import { CampaignDocs } from './model';
import { CampaignOperation } from './operations';

/** A Postman v2.1 script on an item: `prerequest` runs before the request, `test` after its answer. */
export interface PostmanEvent {
  listen: 'prerequest' | 'test';
  script: { type: 'text/javascript'; exec: string[] };
}

/** `const name = <value>;` pretty-printed, so a partner can read it in Postman's script tab. */
function constant(name: string, value: unknown): string[] {
  return `const ${name} = ${JSON.stringify(value, null, 2)};`.split('\n');
}

const js = (value: unknown) => JSON.stringify(value);

function answers(status: number, extra: string[] = []): string[] {
  return [
    `pm.test('answers ${status} with JSON', () => {`,
    `  pm.response.to.have.status(${status});`,
    '  pm.response.to.be.json;',
    ...extra.map((line) => `  ${line}`),
    '});',
  ];
}

/** Requests on one lead (or file) skip, rather than call `/leads/` with an empty id, while it is unknown. */
function skipWithout(variables: string[]): string[] {
  const condition = variables.map((name) => `!pm.variables.get(${js(name)})`).join(' || ');
  return [
    `if (${condition}) {`,
    `  console.warn('Skipped "' + pm.info.requestName + '": ${variables.join(' or ')} is empty; the requests above set it.');`,
    '  pm.execution.skipRequest();',
    '}',
  ];
}

/** Keeps `variable` if the answer lists it, else takes the first id listed (or clears it). */
function keepOrTakeFirst(variable: string, list: string): string[] {
  return [
    'if (pm.response.code === 200) {',
    `  const ids = ${list}.map((item) => item.id);`,
    `  if (!ids.includes(pm.variables.get(${js(variable)}))) pm.collectionVariables.set(${js(variable)}, ids[0] || '');`,
    '}',
  ];
}

function schemaTests(campaign: CampaignDocs): string[] {
  const pinned = campaign.pinned.select_field_values;
  return [
    ...answers(200),
    `pm.test('is the schema of campaign ${campaign.schema.id} as this token may use it', () => {`,
    '  const schema = pm.response.json();',
    `  pm.expect(schema.campaign_id).to.eql(${js(campaign.schema.id)});`,
    "  ['fields', 'selects', 'statuses', 'relations'].forEach((key) => pm.expect(schema[key], key).to.be.an('array'));",
    // A pinned select shows its one value only (API.md §3).
    ...Object.entries(pinned).map(
      ([key, value]) =>
        `  pm.expect(schema.selects.find((select) => select.key === ${js(key)}).options.map((option) => option.value)).to.eql([${js(value)}]);`,
    ),
    '});',
  ];
}

function listTests(campaign: CampaignDocs): string[] {
  return [
    ...answers(200),
    ...constant('leadSchema', leadSchema(campaign)),
    "pm.test('is a page of leads, each as documented', () => {",
    '  const page = pm.response.json();',
    "  pm.expect(page.data).to.be.an('array');",
    "  pm.expect(page.next_cursor === null || typeof page.next_cursor === 'string', 'next_cursor').to.be.true;",
    '  page.data.forEach((lead) => pm.expect(lead).to.have.jsonSchema(leadSchema));',
    '});',
    '// The requests on one lead need one: keep leadId if it is on this page, else take the first lead.',
    ...keepOrTakeFirst('leadId', 'pm.response.json().data'),
  ];
}

function createTests(campaign: CampaignDocs): string[] {
  const { select_field_values: pinnedSelects, status: pinnedStatus } = campaign.pinned;
  const pinned = Object.keys(pinnedSelects).length > 0 || pinnedStatus !== null;
  return [
    "pm.test('answers 201 with JSON and the Location of the new lead', () => {",
    '  pm.response.to.have.status(201);',
    '  pm.response.to.be.json;',
    "  pm.expect(pm.response.headers.get('Location')).to.match(new RegExp(`/leads/${pm.response.json().id}$`));",
    '});',
    ...constant('leadSchema', leadSchema(campaign)),
    "pm.test('is the new lead, as documented', () => {",
    '  const lead = pm.response.json();',
    '  pm.expect(lead).to.have.jsonSchema(leadSchema);',
    '  pm.expect(lead.version).to.eql(1);',
    '});',
    ...(pinned
      ? [
          "pm.test('has the values this token pins filled in', () => {",
          '  const lead = pm.response.json();',
          `  pm.expect(lead.select_field_values).to.include(${js(pinnedSelects)});`,
          ...(pinnedStatus !== null ? [`  pm.expect(lead.status).to.eql(${js(pinnedStatus)});`] : []),
          '});',
        ]
      : []),
    '// Every request on one lead below works on this one.',
    "if (pm.response.code === 201) pm.collectionVariables.set('leadId', pm.response.json().id);",
  ];
}

function batchTests(campaign: CampaignDocs, count: number): string[] {
  return [
    ...answers(200),
    ...constant('leadSchema', leadSchema(campaign)),
    "pm.test('created every lead sent, each as documented', () => {",
    '  const answer = pm.response.json();',
    `  pm.expect(answer).to.include({ created: ${count}, failed: 0 });`,
    `  pm.expect(answer.results).to.have.lengthOf(${count});`,
    '  answer.results.forEach((result, index) => {',
    "    pm.expect(result).to.include({ index, status: 'created' });",
    '    pm.expect(result.lead).to.have.jsonSchema(leadSchema);',
    '  });',
    '});',
  ];
}

/** Get and update answer the lead in `leadId`, its version as the ETag (kept for `If-Match`). */
function oneLeadTests(campaign: CampaignDocs, what: string): string[] {
  return [
    ...answers(200),
    ...constant('leadSchema', leadSchema(campaign)),
    `pm.test('is ${what}, as documented, with its version as the ETag', () => {`,
    '  const lead = pm.response.json();',
    '  pm.expect(lead).to.have.jsonSchema(leadSchema);',
    "  pm.expect(lead.id).to.eql(pm.variables.get('leadId'));",
    '  pm.expect(pm.response.headers.get(\'ETag\')).to.eql(`"v${lead.version}"`);',
    '});',
    '// For If-Match on "Update a lead": the change is refused (412) if the lead changed since.',
    "if (pm.response.code === 200) pm.collectionVariables.set('leadEtag', pm.response.headers.get('ETag'));",
  ];
}

function uploadTests(): string[] {
  return [
    ...answers(201),
    ...constant('fileSchema', FILE_SCHEMA),
    "pm.test('is the stored file, as documented', () => pm.expect(pm.response.json()).to.have.jsonSchema(fileSchema));",
    '// "Download a file" fetches this one.',
    "if (pm.response.code === 201) pm.collectionVariables.set('fileId', pm.response.json().id);",
  ];
}

function listFilesTests(): string[] {
  return [
    ...answers(200),
    ...constant('fileSchema', FILE_SCHEMA),
    "pm.test('lists the files of the lead, each as documented', () => {",
    '  const files = pm.response.json().data;',
    "  pm.expect(files).to.be.an('array');",
    '  files.forEach((file) => pm.expect(file).to.have.jsonSchema(fileSchema));',
    '});',
    '// "Download a file" needs one: keep fileId if it is listed, else take the first file.',
    ...keepOrTakeFirst('fileId', 'pm.response.json().data'),
  ];
}

function downloadTests(): string[] {
  return [
    "pm.test('answers 200 with the file as an attachment', () => {",
    '  pm.response.to.have.status(200);',
    "  pm.expect(pm.response.headers.get('Content-Disposition')).to.match(/^attachment/);",
    '});',
    "pm.test('sends as many bytes as its Content-Length says', () => {",
    "  pm.expect(pm.response.stream.length).to.eql(Number(pm.response.headers.get('Content-Length')));",
    '});',
  ];
}

function testScript(op: CampaignOperation, batchSize: number): string[] {
  switch (op.kind) {
    case 'schema':
      return schemaTests(op.campaign);
    case 'list':
      return listTests(op.campaign);
    case 'create':
      return createTests(op.campaign);
    case 'batch':
      return batchTests(op.campaign, batchSize);
    case 'get':
      return oneLeadTests(op.campaign, 'the lead in leadId');
    case 'update':
      return oneLeadTests(op.campaign, 'the lead after the change');
    case 'uploadFile':
      return uploadTests();
    case 'listFiles':
      return listFilesTests();
    case 'downloadFile':
      return downloadTests();
  }
}

/** The variables a request's URL needs, e.g. `leadId` and `fileId` for a download. */
function pathVariables(op: CampaignOperation): string[] {
  return [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/**
 * The scripts of one request: tests on its status and the answer's documented shape, the ids it
 * captures for the requests after it, and a skip while an id it needs is unknown.
 */
export function requestEvents(op: CampaignOperation, batchSize = 1): PostmanEvent[] {
  const script = (exec: string[]) => ({ type: 'text/javascript' as const, exec });
  const needs = pathVariables(op);
  return [
    ...(needs.length > 0 ? [{ listen: 'prerequest' as const, script: script(skipWithout(needs)) }] : []),
    { listen: 'test', script: script(testScript(op, batchSize)) },
  ];
}

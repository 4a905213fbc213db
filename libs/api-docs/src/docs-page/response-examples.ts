import { visibleFields } from '@leadgate/field-access';
import { leadExample, maskedSample, updateExample } from '@leadgate/api-docs/examples';
import { levelOf } from '@leadgate/api-docs/field-access-docs';
import { CampaignDocs } from '@leadgate/api-docs/model';
import { CampaignOperation } from '@leadgate/api-docs/operations';

/** What a successful call answers: status, the headers that matter, the body (as this token reads it). */
export interface ResponseExample {
  status: number;
  description: string;
  headers: Record<string, string>;
  /** JSON body, or a string for a body that is not JSON (a file's bytes). */
  body: unknown;
  /** The anchor of the body's schema on the page, when it has one there. */
  schema?: { id: string; name: string };
}

const JSON_TYPE = 'application/json; charset=utf-8';

export const EXAMPLE_FILE = {
  id: '6650a1f2c3d4e5f6a7b8c9e1',
  filename: 'offer.pdf',
  content_type: 'application/pdf',
  size: 48213,
  uploaded_at: '2024-05-01T09:35:00.000Z',
};

/** The lead after the update example, as the answer to it shows it (masked fields masked). */
function updatedLead(campaign: CampaignDocs): Record<string, unknown> {
  const lead = leadExample(campaign);
  const change = updateExample(campaign);
  const fields = { ...(lead['fields'] as Record<string, unknown>) };
  for (const [key, value] of Object.entries(change.fields ?? {})) {
    const field = campaign.schema.fields.find((candidate) => candidate.key === key);
    fields[key] = field && levelOf(campaign, key) === 'masked' ? maskedSample(field) : value;
  }
  return {
    ...lead,
    fields,
    ...(change.status ? { status: change.status } : {}),
    version: 2,
    updated_at: '2024-05-02T14:05:00.000Z',
  };
}

/** GET …/schema: the campaign as this token may use it (the campaigns service's partner view). */
function schemaAnswer(campaign: CampaignDocs): Record<string, unknown> {
  const { schema, pinned, filterName } = campaign;
  return {
    campaign_id: schema.id,
    name: schema.name,
    version: schema.version,
    fields: visibleFields(schema.fields, campaign.fieldAccess ?? null),
    selects: schema.selects,
    statuses: schema.statuses,
    relations: schema.relations,
    filter: filterName ? { id: 'flt_example', name: filterName, version: 1, pinned } : null,
  };
}

/** The answer to each operation, built from this campaign (API.md §3), with the anchors `ids` gives. */
export function responseExample(op: CampaignOperation, ids: { lead: string; file: string }): ResponseExample {
  const lead = leadExample(op.campaign);
  const leadSchema = { id: ids.lead, name: 'Lead' };
  const fileSchema = { id: ids.file, name: 'File' };
  const json = { 'Content-Type': JSON_TYPE };
  switch (op.kind) {
    case 'schema':
      return { status: 200, description: 'The schema.', headers: json, body: schemaAnswer(op.campaign) };
    case 'list':
      return {
        status: 200,
        description: 'A page of leads, oldest first; `next_cursor` is null on the last page.',
        headers: json,
        body: { data: [lead], next_cursor: null },
        schema: leadSchema,
      };
    case 'create':
      return {
        status: 201,
        description:
          'The lead as stored, as this token reads it. A retry with the same `Idempotency-Key` answers it again, with `Idempotent-Replayed: true`.',
        headers: { ...json, Location: `${op.path}/${String(lead['id'])}`, ETag: '"v1"' },
        body: lead,
        schema: leadSchema,
      };
    case 'batch':
      return {
        status: 200,
        description:
          'One result per item, in order: `created` with the lead, `error` with a problem, or `not_processed` (the deadline stopped it before it started; send it again).',
        headers: json,
        body: { created: 1, failed: 0, not_processed: 0, results: [{ index: 0, status: 'created', lead }] },
        schema: leadSchema,
      };
    case 'get':
      return {
        status: 200,
        description: 'The lead.',
        headers: { ...json, ETag: '"v1"' },
        body: lead,
        schema: leadSchema,
      };
    case 'update':
      return {
        status: 200,
        description: 'The lead after the change, with its new version.',
        headers: { ...json, ETag: '"v2"' },
        body: updatedLead(op.campaign),
        schema: leadSchema,
      };
    case 'listFiles':
      return {
        status: 200,
        description: 'The files of the lead.',
        headers: json,
        body: { data: [EXAMPLE_FILE] },
        schema: fileSchema,
      };
    case 'uploadFile':
      return { status: 201, description: 'The stored file.', headers: json, body: EXAMPLE_FILE, schema: fileSchema };
    case 'downloadFile':
      return {
        status: 200,
        description: 'The file’s bytes, as an attachment.',
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="offer.pdf"' },
        body: '<the bytes of offer.pdf>',
      };
  }
}

import { grants } from '@leadgate/auth-core';
import { CampaignDocs } from './model';

export const OPERATION_KINDS = [
  'schema',
  'list',
  'create',
  'batch',
  'get',
  'update',
  'listFiles',
  'uploadFile',
  'downloadFile',
] as const;

export type OperationKind = (typeof OPERATION_KINDS)[number];

export interface OperationSpec {
  kind: OperationKind;
  method: 'get' | 'post' | 'patch';
  /** Relative to the campaign, e.g. `/leads/{leadId}`. */
  suffix: string;
  scope: string;
  summary: string;
  description: string;
}

/** The partner data API of API.md §3, per campaign, with the scope each operation needs. */
export const OPERATION_SPECS: Record<OperationKind, OperationSpec> = {
  schema: {
    kind: 'schema',
    method: 'get',
    suffix: '/schema',
    scope: 'campaigns:read',
    summary: 'Get the campaign schema',
    description: 'Fields, selects with their allowed values, statuses and relations, as this token may use them.',
  },
  list: {
    kind: 'list',
    method: 'get',
    suffix: '/leads',
    scope: 'leads:read',
    summary: 'List leads',
    description:
      'Leads this token may see, oldest first (by creation), a page at a time. Follow `next_cursor` until it is null: ' +
      'in a large campaign a narrow filter can give a page with fewer than `limit` leads, or none, before the end.',
  },
  create: {
    kind: 'create',
    method: 'post',
    suffix: '/leads',
    scope: 'leads:write',
    summary: 'Create a lead',
    description:
      'Creates one lead. Send an `Idempotency-Key` to retry safely: the same key and body answer the first result again.',
  },
  batch: {
    kind: 'batch',
    method: 'post',
    suffix: '/leads/batch',
    scope: 'leads:write',
    summary: 'Create up to 1000 leads',
    description: 'Each item is created or refused on its own; the answer has one result per item, in order.',
  },
  get: {
    kind: 'get',
    method: 'get',
    suffix: '/leads/{leadId}',
    scope: 'leads:read',
    summary: 'Get a lead',
    description: 'One lead, with its version as the `ETag`.',
  },
  update: {
    kind: 'update',
    method: 'patch',
    suffix: '/leads/{leadId}',
    scope: 'leads:write',
    summary: 'Update a lead',
    description:
      'Changes only the keys sent. Send `If-Match` with the ETag you read to refuse the change (412) when the lead changed meanwhile.',
  },
  listFiles: {
    kind: 'listFiles',
    method: 'get',
    suffix: '/leads/{leadId}/files',
    scope: 'files:read',
    summary: 'List the files of a lead',
    description: 'Attachments of one lead.',
  },
  uploadFile: {
    kind: 'uploadFile',
    method: 'post',
    suffix: '/leads/{leadId}/files',
    scope: 'files:write',
    summary: 'Upload a file to a lead',
    description: 'multipart/form-data with one part named `file`; size-limited (413 above the limit).',
  },
  downloadFile: {
    kind: 'downloadFile',
    method: 'get',
    suffix: '/leads/{leadId}/files/{fileId}',
    scope: 'files:read',
    summary: 'Download a file',
    description: 'The file as it was uploaded, as an attachment.',
  },
};

export interface CampaignOperation extends OperationSpec {
  campaign: CampaignDocs;
  /** The full path, with the campaign id filled in. */
  path: string;
  operationId: string;
}

/** The operations a token with `scopes` may call on `campaign`; nothing else is documented. */
export function operationsFor(scopes: readonly string[], campaign: CampaignDocs, idSuffix = ''): CampaignOperation[] {
  return OPERATION_KINDS.map((kind) => OPERATION_SPECS[kind])
    .filter((spec) => grants(scopes, spec.scope))
    .map((spec) => ({
      ...spec,
      campaign,
      path: `/v1/campaigns/${campaign.schema.id}${spec.suffix}`,
      operationId: `${spec.kind}${idSuffix}`,
    }));
}

/** Component and operation id suffix: none for a single campaign, `_<campaignId>` for several. */
export function suffixFor(campaign: CampaignDocs, count: number): string {
  return count === 1 ? '' : `_${campaign.schema.id}`;
}

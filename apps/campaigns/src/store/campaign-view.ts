import { CampaignSchemaStateV1 } from '@leadgate/contracts';
import { CampaignDocument } from './campaign.schema';

/** A stored campaign as its state topic and the partner schema show it: no storage-only fields. */
export function toCampaignState(document: CampaignDocument): CampaignSchemaStateV1 {
  const { _id, account_id, name, fields, selects, statuses, relations, receiver, version, updated_at } = document;
  return { id: _id, account_id, name, fields, selects, statuses, relations, receiver, version, updated_at };
}

export type CampaignView = CampaignSchemaStateV1 & { created_at: string };

export function toCampaignView(document: CampaignDocument): CampaignView {
  return { ...toCampaignState(document), created_at: document.created_at };
}

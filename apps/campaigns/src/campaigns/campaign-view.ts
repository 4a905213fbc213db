import { CampaignSchemaStateV1 } from '@leadgate/contracts';
import { CampaignDocument } from './campaign.schema';
import { toCampaignState } from './campaign-state.publisher';

export type CampaignView = CampaignSchemaStateV1 & { created_at: string };

export function toCampaignView(document: CampaignDocument): CampaignView {
  return { ...toCampaignState(document), created_at: document.created_at };
}

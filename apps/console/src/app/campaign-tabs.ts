import type { ComponentType } from 'react';
import { FiltersTab } from '@console/filters/filters-tab';
import { LeadsTab } from '@console/leads/leads-tab';
import { ReceiverTab } from '@console/receiver/receiver-tab';
import { FieldsTab } from '@console/schema/fields-tab';
import { RelationsTab } from '@console/schema/relations-tab';
import { SelectsTab } from '@console/schema/selects-tab';
import { StatusesTab } from '@console/schema/statuses-tab';
import { CampaignTokensTab } from '@console/tokens/campaign-tokens-tab';

export interface CampaignTab {
  path: string;
  label: string;
  Page: ComponentType;
}

/** The tabs of a campaign page, in the seeds' order. */
export const CAMPAIGN_TABS: readonly CampaignTab[] = [
  { path: 'fields', label: 'Fields', Page: FieldsTab },
  { path: 'selects', label: 'Selects', Page: SelectsTab },
  { path: 'statuses', label: 'Statuses', Page: StatusesTab },
  { path: 'relations', label: 'Relations', Page: RelationsTab },
  { path: 'filters', label: 'Filters', Page: FiltersTab },
  { path: 'tokens', label: 'API Tokens', Page: CampaignTokensTab },
  { path: 'receiver', label: 'Receiver', Page: ReceiverTab },
  { path: 'leads', label: 'Leads', Page: LeadsTab },
];

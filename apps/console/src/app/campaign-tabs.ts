import type { ComponentType } from 'react';
import { lazyPage } from './lazy-page';

export interface CampaignTab {
  path: string;
  label: string;
  Page: ComponentType;
}

/** The tabs of a campaign page, in the seeds' order. */
export const CAMPAIGN_TABS: readonly CampaignTab[] = [
  {
    path: 'fields',
    label: 'Fields',
    Page: lazyPage(
      () => import('@console/schema/fields-tab'),
      (m) => m.FieldsTab,
    ),
  },
  {
    path: 'selects',
    label: 'Selects',
    Page: lazyPage(
      () => import('@console/schema/selects-tab'),
      (m) => m.SelectsTab,
    ),
  },
  {
    path: 'statuses',
    label: 'Statuses',
    Page: lazyPage(
      () => import('@console/schema/statuses-tab'),
      (m) => m.StatusesTab,
    ),
  },
  {
    path: 'relations',
    label: 'Relations',
    Page: lazyPage(
      () => import('@console/schema/relations-tab'),
      (m) => m.RelationsTab,
    ),
  },
  {
    path: 'filters',
    label: 'Filters',
    Page: lazyPage(
      () => import('@console/filters/filters-tab'),
      (m) => m.FiltersTab,
    ),
  },
  {
    path: 'tokens',
    label: 'API Tokens',
    Page: lazyPage(
      () => import('@console/tokens/campaign-tokens-tab'),
      (m) => m.CampaignTokensTab,
    ),
  },
  {
    path: 'receiver',
    label: 'Receiver',
    Page: lazyPage(
      () => import('@console/receiver/receiver-tab'),
      (m) => m.ReceiverTab,
    ),
  },
  {
    path: 'leads',
    label: 'Leads',
    Page: lazyPage(
      () => import('@console/leads/leads-tab'),
      (m) => m.LeadsTab,
    ),
  },
];

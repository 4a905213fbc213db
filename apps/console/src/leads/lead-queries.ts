import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, getJson, unwrap } from '@console/api/client';
import type { AnswerOf } from '@console/api/operations';
import { leadListPath, type LeadListFilter } from './lead-list-query';
import type { Lead, LeadsPage } from './lead-types';

export type LeadAccess = AnswerOf<'getLeadAccess'>;
export type LeadReader = LeadAccess['tokens'][number];

export const leadKeys = {
  all: (campaignId: string) => ['leads', campaignId] as const,
  page: (campaignId: string, filter: LeadListFilter, cursor: string | null) =>
    ['leads', campaignId, 'list', filter, cursor] as const,
  one: (campaignId: string, leadId: string) => ['leads', campaignId, 'lead', leadId] as const,
  access: (campaignId: string, leadId: string) => ['leads', campaignId, 'lead', leadId, 'access'] as const,
};

/** One page of the campaign's leads through the partner data API, with the session (API.md §3). */
export function useLeadsPage(campaignId: string, filter: LeadListFilter, cursor: string | null) {
  return useQuery({
    queryKey: leadKeys.page(campaignId, filter, cursor),
    queryFn: () => getJson<LeadsPage>(leadListPath(campaignId, filter, cursor)),
    // The table keeps the page it shows while the next one loads, rather than blinking to "Loading…".
    placeholderData: keepPreviousData,
  });
}

export function useLead(campaignId: string, leadId: string) {
  return useQuery({
    queryKey: leadKeys.one(campaignId, leadId),
    queryFn: () => getJson<Lead>(`/v1/campaigns/${encodeURIComponent(campaignId)}/leads/${encodeURIComponent(leadId)}`),
  });
}

/** Every live token and webhook that can read the lead now (API.md §14). */
export function useLeadAccess(campaignId: string, leadId: string, enabled: boolean) {
  return useQuery({
    queryKey: leadKeys.access(campaignId, leadId),
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/admin/campaigns/{campaignId}/leads/{leadId}/access', {
          params: { path: { campaignId, leadId } },
        }),
      ),
    enabled,
  });
}

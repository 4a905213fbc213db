import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@console/api/client';
import type { AnswerOf } from '@console/api/operations';

export type Campaign = AnswerOf<'getCampaign'>;

export const campaignKeys = {
  all: ['campaigns'] as const,
  one: (campaignId: string) => ['campaigns', campaignId] as const,
};

export function useCampaigns() {
  return useQuery({
    queryKey: campaignKeys.all,
    queryFn: async () => unwrap(await api.GET('/v1/admin/campaigns')).data,
  });
}

/** The campaign with its whole schema (fields, selects, statuses, relations): every tab reads this one query. */
export function useCampaign(campaignId: string) {
  return useQuery({
    queryKey: campaignKeys.one(campaignId),
    queryFn: async () => unwrap(await api.GET('/v1/admin/campaigns/{id}', { params: { path: { id: campaignId } } })),
  });
}

export type CampaignFilter = AnswerOf<'listFilters'>['data'][number];

export const filterKeys = {
  ofCampaign: (campaignId: string) => ['campaigns', campaignId, 'filters'] as const,
};

/** The campaign's filters: the Filters tab lists them, the token form offers them as **Campaign filter**. */
export function useFilters(campaignId: string) {
  return useQuery({
    queryKey: filterKeys.ofCampaign(campaignId),
    queryFn: async () =>
      unwrap(await api.GET('/v1/admin/campaigns/{campaignId}/filters', { params: { path: { campaignId } } })).data,
  });
}

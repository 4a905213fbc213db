import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '@console/api/client';
import type { AnswerOf } from '@console/api/operations';
import { filterKeys } from '@console/campaigns/campaign-queries';
import type { ApiCondition } from '@console/filters/model/condition-json';

export type FilterPreview = AnswerOf<'previewFilter'>;

/** What a save sends: a new filter needs both; a change sends what changed. */
export interface FilterChanges {
  name?: string;
  condition?: ApiCondition;
}

/** Creates the filter, or changes `filterId`; the campaign's filter list (and its previews) are read again after. */
export function useSaveFilter(campaignId: string, filterId: string | null) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (changes: FilterChanges) => {
      if (filterId === null) {
        const body = { name: changes.name ?? '', condition: changes.condition };
        return unwrap(
          await api.POST('/v1/admin/campaigns/{campaignId}/filters', { params: { path: { campaignId } }, body }),
        );
      }
      return unwrap(
        await api.PATCH('/v1/admin/campaigns/{campaignId}/filters/{filterId}', {
          params: { path: { campaignId, filterId } },
          body: changes,
        }),
      );
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: filterKeys.ofCampaign(campaignId) }),
  });
}

export function useRemoveFilter(campaignId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (filterId: string) =>
      unwrap(
        await api.DELETE('/v1/admin/campaigns/{campaignId}/filters/{filterId}', {
          params: { path: { campaignId, filterId } },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: filterKeys.ofCampaign(campaignId) }),
  });
}

/** `value`, once it has stayed the same for `delay` ms (typing does not call the API on every key). */
export function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * What a complete condition matches now (API.md §14), and for an existing filter what each live
 * token on it would gain and lose. `conditionJson` is the condition as JSON text (a stable key), or
 * null while the condition is incomplete: then nothing is asked.
 */
export function useFilterPreview(campaignId: string, conditionJson: string | null, filterId: string | null) {
  const settled = useSettled(conditionJson, 400);
  const query = useQuery({
    queryKey: [...filterKeys.ofCampaign(campaignId), 'preview', filterId, settled] as const,
    queryFn: async () =>
      unwrap(
        await api.POST('/v1/admin/campaigns/{campaignId}/filters/preview', {
          params: { path: { campaignId } },
          body: { condition: JSON.parse(settled!) as ApiCondition, ...(filterId ? { filter_id: filterId } : {}) },
        }),
      ),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  /** The answer is about the condition on screen (not an earlier one still being replaced). */
  const isCurrent = conditionJson !== null && settled === conditionJson && !query.isPlaceholderData;
  return { query, settledJson: settled, isCurrent };
}

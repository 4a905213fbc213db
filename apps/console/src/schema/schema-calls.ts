import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@console/api/client';
import type { BodyOf } from '@console/api/operations';
import { campaignKeys, type Campaign } from '@console/campaigns/campaign-queries';

export type CampaignField = Campaign['fields'][number];
export type CampaignSelect = Campaign['selects'][number];
export type CampaignStatus = Campaign['statuses'][number];
export type CampaignRelation = Campaign['relations'][number];

/**
 * One change to the campaign's schema. Every tab reads the one campaign query, so it is refetched
 * before the mutation settles: the dialog closes on the new schema, never on the old one.
 */
function useSchemaChange<Vars>(campaignId: string, call: (vars: Vars) => Promise<unknown>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queries.invalidateQueries({ queryKey: campaignKeys.one(campaignId) }),
  });
}

const inCampaign = (campaignId: string) => ({ params: { path: { campaignId } } });
const onPiece = (campaignId: string, key: string) => ({ params: { path: { campaignId, key } } });

export function useAddField(campaignId: string) {
  return useSchemaChange(campaignId, async (body: BodyOf<'addField'>) =>
    unwrap(await api.POST('/v1/admin/campaigns/{campaignId}/fields', { ...inCampaign(campaignId), body })),
  );
}

export function useChangeField(campaignId: string, key: string) {
  return useSchemaChange(campaignId, async (body: BodyOf<'changeField'>) =>
    unwrap(await api.PATCH('/v1/admin/campaigns/{campaignId}/fields/{key}', { ...onPiece(campaignId, key), body })),
  );
}

export function useAddSelect(campaignId: string) {
  return useSchemaChange(campaignId, async (body: BodyOf<'addSelect'>) =>
    unwrap(await api.POST('/v1/admin/campaigns/{campaignId}/selects', { ...inCampaign(campaignId), body })),
  );
}

export function useChangeSelect(campaignId: string, key: string) {
  return useSchemaChange(campaignId, async (body: BodyOf<'changeSelect'>) =>
    unwrap(await api.PATCH('/v1/admin/campaigns/{campaignId}/selects/{key}', { ...onPiece(campaignId, key), body })),
  );
}

export function useAddSelectOption(campaignId: string, key: string) {
  return useSchemaChange(campaignId, async (body: BodyOf<'addSelectOption'>) =>
    unwrap(
      await api.POST('/v1/admin/campaigns/{campaignId}/selects/{key}/options', { ...onPiece(campaignId, key), body }),
    ),
  );
}

export function useChangeSelectOption(campaignId: string, key: string, value: string) {
  return useSchemaChange(campaignId, async (body: BodyOf<'changeSelectOption'>) =>
    unwrap(
      await api.PATCH('/v1/admin/campaigns/{campaignId}/selects/{key}/options/{value}', {
        params: { path: { campaignId, key, value } },
        body,
      }),
    ),
  );
}

export function useAddStatus(campaignId: string) {
  return useSchemaChange(campaignId, async (body: BodyOf<'addStatus'>) =>
    unwrap(await api.POST('/v1/admin/campaigns/{campaignId}/statuses', { ...inCampaign(campaignId), body })),
  );
}

export function useChangeStatus(campaignId: string, slug: string) {
  return useSchemaChange(campaignId, async (body: BodyOf<'changeStatus'>) =>
    unwrap(await api.PATCH('/v1/admin/campaigns/{campaignId}/statuses/{key}', { ...onPiece(campaignId, slug), body })),
  );
}

export function useAddRelation(campaignId: string) {
  return useSchemaChange(campaignId, async (body: BodyOf<'addRelation'>) =>
    unwrap(await api.POST('/v1/admin/campaigns/{campaignId}/relations', { ...inCampaign(campaignId), body })),
  );
}

export function useChangeRelation(campaignId: string, key: string) {
  return useSchemaChange(campaignId, async (body: BodyOf<'changeRelation'>) =>
    unwrap(await api.PATCH('/v1/admin/campaigns/{campaignId}/relations/{key}', { ...onPiece(campaignId, key), body })),
  );
}

/** What can be removed, and the path that removes it. */
export type RemovableTarget =
  { kind: 'field' | 'select' | 'status' | 'relation'; key: string } | { kind: 'option'; key: string; value: string };

async function removeCall(campaignId: string, target: RemovableTarget) {
  const path = onPiece(campaignId, target.key);
  switch (target.kind) {
    case 'field':
      return unwrap(await api.DELETE('/v1/admin/campaigns/{campaignId}/fields/{key}', path));
    case 'select':
      return unwrap(await api.DELETE('/v1/admin/campaigns/{campaignId}/selects/{key}', path));
    case 'status':
      return unwrap(await api.DELETE('/v1/admin/campaigns/{campaignId}/statuses/{key}', path));
    case 'relation':
      return unwrap(await api.DELETE('/v1/admin/campaigns/{campaignId}/relations/{key}', path));
    case 'option':
      return unwrap(
        await api.DELETE('/v1/admin/campaigns/{campaignId}/selects/{key}/options/{value}', {
          params: { path: { campaignId, key: target.key, value: target.value } },
        }),
      );
  }
}

export function useRemove(campaignId: string, target: RemovableTarget) {
  return useSchemaChange(campaignId, () => removeCall(campaignId, target));
}

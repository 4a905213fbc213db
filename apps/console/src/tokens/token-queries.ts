import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@console/api/client';
import type { AnswerOf, BodyOf } from '@console/api/operations';

/** A token as the admin API lists it (never its secret). */
export type Token = AnswerOf<'getToken'>;
/** A token with its secret: the answer of create and rotate, shown once and then dropped. */
export type TokenWithSecret = AnswerOf<'createCampaignToken', 201>;

export const tokenKeys = {
  all: ['tokens'] as const,
  ofCampaign: (campaignId: string) => ['tokens', 'campaign', campaignId] as const,
  ofAccount: ['tokens', 'account'] as const,
};

export function useCampaignTokens(campaignId: string) {
  return useQuery({
    queryKey: tokenKeys.ofCampaign(campaignId),
    queryFn: async () =>
      unwrap(await api.GET('/v1/admin/campaigns/{campaignId}/tokens', { params: { path: { campaignId } } })).data,
  });
}

export function useAccountTokens() {
  return useQuery({
    queryKey: tokenKeys.ofAccount,
    queryFn: async () => unwrap(await api.GET('/v1/admin/tokens')).data,
  });
}

/** Every token list may show the changed token (campaign tab and account page): refresh them all. */
function useRefreshTokens() {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: tokenKeys.all });
}

export function useCreateCampaignToken(campaignId: string) {
  const refresh = useRefreshTokens();
  return useMutation({
    mutationFn: async (body: BodyOf<'createCampaignToken'>) =>
      unwrap(await api.POST('/v1/admin/campaigns/{campaignId}/tokens', { params: { path: { campaignId } }, body })),
    onSuccess: refresh,
  });
}

export function useCreateAccountToken() {
  const refresh = useRefreshTokens();
  return useMutation({
    mutationFn: async (body: BodyOf<'createAccountToken'>) => unwrap(await api.POST('/v1/admin/tokens', { body })),
    onSuccess: refresh,
  });
}

export function useRotateToken(tokenId: string) {
  const refresh = useRefreshTokens();
  return useMutation({
    mutationFn: async (body: BodyOf<'rotateToken'>) =>
      unwrap(await api.POST('/v1/admin/tokens/{id}/rotate', { params: { path: { id: tokenId } }, body })),
    onSuccess: refresh,
  });
}

export function useRevokeToken(tokenId: string) {
  const refresh = useRefreshTokens();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/v1/admin/tokens/{id}/revoke', { params: { path: { id: tokenId } } })),
    onSuccess: refresh,
  });
}

export function useUpdateToken(tokenId: string) {
  const refresh = useRefreshTokens();
  return useMutation({
    mutationFn: async (body: BodyOf<'updateToken'>) =>
      unwrap(await api.PATCH('/v1/admin/tokens/{id}', { params: { path: { id: tokenId } }, body })),
    onSuccess: refresh,
  });
}

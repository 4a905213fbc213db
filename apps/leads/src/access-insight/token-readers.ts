import { grants } from '@leadgate/auth-core';
import { isLiveToken, TokenStateV1 } from '@leadgate/contracts';
import { LeadReader } from './access-insight-view.schema';

export interface CampaignOfAccount {
  accountId: string;
  campaignId: string;
  /** Now, in milliseconds: a token past its expiry is dead. */
  now: number;
}

export interface LeadQuestion extends CampaignOfAccount {
  /** Whether the filter with this id lets its tokens see the lead, as partner reads decide it. */
  filterAdmits: (filterId: string) => boolean;
}

const byNameThenId = (a: { name: string; token_id: string }, b: { name: string; token_id: string }) =>
  a.name.localeCompare(b.name) || a.token_id.localeCompare(b.token_id);

/** How a live token of the account reaches a lead of the campaign, or null when it does not. */
function viaOf(token: TokenStateV1, question: LeadQuestion): LeadReader['via'] | null {
  if (token.kind !== 'campaign') return token.campaign_id === null ? 'account' : null;
  if (token.campaign_id !== question.campaignId) return null;
  if (token.filter_id === null) return 'campaign';
  return question.filterAdmits(token.filter_id) ? 'filter' : null;
}

function readerOf(token: TokenStateV1, via: LeadReader['via']): LeadReader {
  const named = { token_id: token.id, name: token.name };
  if (token.kind === 'campaign' && via !== 'account') {
    return { ...named, kind: 'campaign', permissions: token.permissions ?? [], via };
  }
  return { ...named, kind: token.kind === 'access' ? 'access' : 'account', scopes: token.scopes, via: 'account' };
}

/**
 * Every token that can read the lead now (API.md §14): live tokens of the account holding
 * `leads:read` (by `grants`, so `leads:*` and `admin` count), that are either account-level
 * (account tokens, OAuth2 access tokens), or campaign tokens of the lead's campaign without a
 * filter or with one that admits the lead. Sorted by name, then id.
 */
export function leadReaders(tokens: readonly TokenStateV1[], question: LeadQuestion): LeadReader[] {
  return tokens
    .filter((token) => token.account_id === question.accountId && isLiveToken(token, question.now))
    .filter((token) => grants(token.scopes, 'leads:read'))
    .flatMap((token) => {
      const via = viaOf(token, question);
      return via === null ? [] : [readerOf(token, via)];
    })
    .sort(byNameThenId);
}

/** The live campaign tokens restricted by one filter of the campaign: what a filter change would move. */
export function tokensOnFilter(
  tokens: readonly TokenStateV1[],
  filterId: string,
  where: CampaignOfAccount,
): { token_id: string; name: string }[] {
  return tokens
    .filter((token) => token.account_id === where.accountId && token.kind === 'campaign')
    .filter((token) => token.campaign_id === where.campaignId && token.filter_id === filterId)
    .filter((token) => isLiveToken(token, where.now))
    .map((token) => ({ token_id: token.id, name: token.name }))
    .sort(byNameThenId);
}

import { grants } from '@leadgate/auth-core';
import { CampaignSchemaStateV1, FilterStateV1, isLiveToken, LeadEventV1, TokenStateV1 } from '@leadgate/contracts';
import { fieldProjection, FieldProjection } from '@leadgate/field-access';
import { InvalidFilterError, LeadPredicate, toPredicate } from '@leadgate/filters';

/** What the decision needs of a subscription (the document is the API helper's). */
export interface SliceSubscription {
  account_id: string;
  token_id: string;
  status: 'active' | 'disabled';
  events: string[];
}

/** The read models' view of the world when the event is dispatched; undefined where a model has no entry. */
export interface SliceState {
  token: TokenStateV1 | undefined;
  campaign: CampaignSchemaStateV1 | undefined;
  /** The token's filter, when it has one. */
  filter: FilterStateV1 | undefined;
  now: number;
}

/** Compiled filters and projections, cached by the caller per version; the defaults build them afresh. */
export interface SliceCompilers {
  predicate(filter: FilterStateV1, campaign: CampaignSchemaStateV1): LeadPredicate;
  projection(campaign: CampaignSchemaStateV1, token: TokenStateV1): FieldProjection;
}

export const FRESH_COMPILERS: SliceCompilers = {
  predicate: (filter, campaign) => toPredicate(filter.condition, campaign),
  projection: (campaign, token) =>
    fieldProjection(campaign.fields, token.kind === 'campaign' ? token.field_access : null),
};

export type SkipReason =
  | 'subscription_disabled'
  | 'event_not_subscribed'
  | 'not_a_partner_event'
  | 'token_unknown'
  | 'token_not_live'
  | 'token_cannot_read_leads'
  | 'other_account'
  | 'other_campaign'
  | 'campaign_unknown'
  | 'filter_unavailable'
  | 'outside_filter'
  | 'no_visible_change';

export type SliceDecision = { deliver: false; reason: SkipReason } | { deliver: true; body: LeadEventV1 };

/** Events a partner's slice can hold: a quarantined post is not a lead of any token (it was refused for want of one). */
const PARTNER_EVENTS = new Set<string>(['lead.created', 'lead.updated', 'lead.status_changed', 'lead.deleted']);

const skip = (reason: SkipReason): SliceDecision => ({ deliver: false, reason });

/**
 * Whether one lead event goes to one subscription, and as what (API.md §12): only while the token
 * is live and may read leads, only for the token's account and campaign, only when the lead AFTER
 * the change matches the token's filter (a lead moved out of the slice is not sent), and the lead as
 * the token reads it (hidden fields gone, masked ones masked, also out of `changed`). Fails closed:
 * any state it cannot confirm skips.
 */
export function decideSlice(
  subscription: SliceSubscription,
  event: LeadEventV1,
  state: SliceState,
  compilers: SliceCompilers = FRESH_COMPILERS,
): SliceDecision {
  if (subscription.status !== 'active') return skip('subscription_disabled');
  if (!PARTNER_EVENTS.has(event.type)) return skip('not_a_partner_event');
  if (!subscription.events.includes(event.type)) return skip('event_not_subscribed');
  const { token, campaign, filter } = state;
  if (!token || token.id !== subscription.token_id) return skip('token_unknown');
  if (!isLiveToken(token, state.now)) return skip('token_not_live');
  if (!grants(token.scopes, 'leads:read')) return skip('token_cannot_read_leads');
  if (token.account_id !== subscription.account_id) return skip('other_account');
  const campaignId = event.data.campaign_id;
  if (token.campaign_id !== null && token.campaign_id !== campaignId) return skip('other_campaign');
  if (!campaign || campaign.id !== campaignId) return skip('campaign_unknown');
  if (campaign.account_id !== token.account_id) return skip('other_account');
  const lead = event.data.lead;
  if (token.filter_id !== null) {
    if (!filter || filter.id !== token.filter_id || filter.campaign_id !== campaignId)
      return skip('filter_unavailable');
    const matches = predicateOrNull(compilers, filter, campaign);
    if (!matches) return skip('filter_unavailable');
    if (!matches(lead)) return skip('outside_filter');
  }
  const projection = compilers.projection(campaign, token);
  const hidden = new Set(token.kind === 'campaign' ? (token.field_access?.hidden ?? []) : []);
  const changed = event.data.changed.filter((key) => !(key.startsWith('fields.') && hidden.has(key.slice(7))));
  if (event.type === 'lead.updated' && event.data.changed.length > 0 && changed.length === 0) {
    return skip('no_visible_change');
  }
  const projected = hasFields(lead) ? projection.lead(lead) : lead;
  return { deliver: true, body: { ...event, data: { ...event.data, lead: projected, changed } } };
}

/** A filter the campaign's schema no longer supports selects nothing (the leads service fails the same way). */
function predicateOrNull(
  compilers: SliceCompilers,
  filter: FilterStateV1,
  campaign: CampaignSchemaStateV1,
): LeadPredicate | null {
  try {
    return compilers.predicate(filter, campaign);
  } catch (error) {
    if (error instanceof InvalidFilterError) return null;
    throw error;
  }
}

function hasFields(
  lead: Record<string, unknown>,
): lead is Record<string, unknown> & { fields: Record<string, unknown> } {
  const fields = lead['fields'];
  return typeof fields === 'object' && fields !== null && !Array.isArray(fields);
}

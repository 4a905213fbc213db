import { CampaignDocs } from '@leadgate/api-docs/model';

/**
 * The query of the list example: this campaign's own filter value, so the example reads as the
 * partner will write it (`select.select_partner=SELECT_PARTNER`, not a generic `select.source=VALUE`).
 * The token's pinned select first, else its pinned status, else the first select's first value.
 */
export function listFilterExample(campaign: CampaignDocs): [name: string, value: string] | null {
  const [pinnedSelect] = Object.entries(campaign.pinned.select_field_values);
  if (pinnedSelect) return [`select.${pinnedSelect[0]}`, pinnedSelect[1]];
  if (campaign.pinned.status !== null) return ['status', campaign.pinned.status];
  const select = campaign.schema.selects.find((candidate) => candidate.options.length > 0);
  return select ? [`select.${select.key}`, select.options[0].value] : null;
}

export function listQuery(campaign: CampaignDocs): [name: string, value: string | number][] {
  const filter = listFilterExample(campaign);
  return [...(filter ? [filter] : []), ['limit', 50]];
}

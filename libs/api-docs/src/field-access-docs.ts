import { CampaignSchemaStateV1 } from '@leadgate/contracts';
import { accessLevel, FieldAccessLevel, isNarrowing } from '@leadgate/field-access';
import { CampaignDocs, TokenDocsInput } from './model';

type Field = CampaignSchemaStateV1['fields'][number];

/**
 * The campaign as the token may know it (API.md §13): hidden fields and the filter's hints on them
 * are gone, so no document built from it can name them. Every builder starts from this.
 */
export function withoutHidden(campaign: CampaignDocs): CampaignDocs {
  if (!campaign.fieldAccess || campaign.fieldAccess.hidden.length === 0) return campaign;
  const hidden = new Set(campaign.fieldAccess.hidden);
  return {
    ...campaign,
    schema: { ...campaign.schema, fields: campaign.schema.fields.filter((field) => !hidden.has(field.key)) },
    fieldHints: Object.fromEntries(Object.entries(campaign.fieldHints ?? {}).filter(([key]) => !hidden.has(key))),
  };
}

export function tokenView(input: TokenDocsInput): TokenDocsInput {
  return { ...input, campaigns: input.campaigns.map(withoutHidden) };
}

/** How the token reads a field it sees: in full, masked or read-only. */
export function levelOf(campaign: CampaignDocs, key: string): FieldAccessLevel {
  return accessLevel(campaign.fieldAccess, key) ?? 'full';
}

/** The fields a create or update of this token may carry: not hidden, not read-only. */
export function writableFields(campaign: CampaignDocs): Field[] {
  return campaign.schema.fields.filter((field) => {
    const level = accessLevel(campaign.fieldAccess, field.key);
    return level === 'full' || level === 'masked';
  });
}

/** True when some field of the campaign is hidden from the token or read-only for it. */
export function refusesSomeWrites(campaign: CampaignDocs): boolean {
  return (
    isNarrowing(campaign.fieldAccess) &&
    (campaign.fieldAccess!.hidden.length > 0 || campaign.fieldAccess!.read_only.length > 0)
  );
}

/** What the docs say of a masked field, by type, with `example`: a masked value (`maskedSample`). */
export function maskedNote(field: Field, example: string): string {
  if (field.type === 'email') return `Masked for this token: the e-mail keeps its domain, e.g. \`${example}\`.`;
  if (field.type === 'phone')
    return `Masked for this token: the phone number keeps its country prefix and last two digits, e.g. \`${example}\`.`;
  return `Masked for this token: its first character and \`***\`, e.g. \`${example}\`.`;
}

export const MASKED_WRITE_NOTE = 'Writes take the full value.';

export const READ_ONLY_NOTE =
  'Read-only for this token: read in full, never written (a create or update that sends it is refused with 422 `field_not_writable`).';

export const UNWRITABLE_NOTE =
  'Fields this token may not write are not listed here; a body that sends one is refused with 422 `field_not_writable`.';

import { LeadDocument } from './lead.schema';

export interface LeadView {
  id: string;
  campaign_id: string;
  fields: LeadDocument['fields'];
  select_field_values: LeadDocument['select_field_values'];
  status: string;
  relations: LeadDocument['relations'];
  version: number;
  created_at: string;
  updated_at: string;
  source: LeadDocument['source'];
}

/** A stored lead as partners and events see it (API.md §3): no account id. */
export function toLeadView(lead: LeadDocument): LeadView {
  return {
    id: lead._id,
    campaign_id: lead.campaign_id,
    fields: lead.fields,
    select_field_values: lead.select_field_values,
    status: lead.status,
    relations: lead.relations,
    version: lead.version,
    created_at: lead.created_at,
    updated_at: lead.updated_at,
    source: lead.source,
  };
}

/** Strong ETag from the version, which moves on every change. */
export function etagOf(lead: { version: number }): string {
  return `"v${lead.version}"`;
}

/** The lead shape filters run on (what compileToMongo's queries see in the database). */
export function filterable(
  lead: Pick<LeadDocument, 'fields' | 'select_field_values' | 'status' | 'relations' | 'created_at' | 'updated_at'>,
) {
  return {
    fields: lead.fields,
    select_field_values: lead.select_field_values,
    status: lead.status,
    relations: lead.relations,
    created_at: lead.created_at,
    updated_at: lead.updated_at,
  };
}

/**
 * A lead as the partner data API answers it (API.md §3). That API is not in the admin OpenAPI, so
 * the console keeps this small type of its own.
 */
export interface Lead {
  id: string;
  campaign_id: string;
  fields: Record<string, string | number | boolean | null>;
  select_field_values: Record<string, string>;
  status: string;
  relations: Record<string, string>;
  version: number;
  created_at: string;
  updated_at: string;
  source: { kind: string; id: string };
}

/** `GET /v1/campaigns/{id}/leads`: one page, and the cursor of the next (null at the end). */
export interface LeadsPage {
  data: Lead[];
  next_cursor: string | null;
}

// What the partner walk takes and answers: plain types, so the test reads the report without
// compiling the client (only the test's `tsc` run, against the generated types, does that).

export interface PartnerWalkOptions {
  baseUrl: string;
  token: string;
  campaignId: string;
  /** Leads to create; listed back `pageSize` at a time, so several pages. */
  leads: number;
  pageSize: number;
  file: { name: string; type: string; bytes: Uint8Array };
  /** Makes names and idempotency keys unique per run. */
  runId: string;
}

export interface PartnerWalkReport {
  created: { id: string; version: number; name: unknown }[];
  /** The lead ids of each page, in order, up to the page whose `next_cursor` was null. */
  pages: string[][];
  stored: { id: string; filename: string; content_type: string; size: number };
  downloaded: { contentType: string | null; bytes: Uint8Array };
}

export type PartnerWalk = (options: PartnerWalkOptions) => Promise<PartnerWalkReport>;

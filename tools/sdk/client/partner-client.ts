// A partner's small client, typed only by the types openapi-typescript makes from the token's
// OpenAPI document (tools/sdk/partner-types.mjs writes them to ./partner-api.d.ts beside this
// file). tools/sdk/test compiles it against the live document with `tsc --strict`, so a document
// change that breaks a partner's client breaks that test. Self-contained on purpose: a partner
// could copy this folder.
import createClient from 'openapi-fetch';
import type { paths } from './partner-api';

/** The document names the token's campaign in every path: the one path that ends in `suffix`. */
type CampaignPath<Suffix extends string> = Extract<keyof paths, `/v1/campaigns/${string}${Suffix}`>;
type LeadsPath = CampaignPath<'/leads'>;
type FilesPath = CampaignPath<'/leads/{leadId}/files'>;
type FilePath = CampaignPath<'/leads/{leadId}/files/{fileId}'>;

// Compile-time: each path is in the document (a missing one would make the calls below `never`).
type Documented<T> = [T] extends [never] ? false : true;
export const DOCUMENTED: [Documented<LeadsPath>, Documented<FilesPath>, Documented<FilePath>] = [true, true, true];

export type NewLead = paths[LeadsPath]['post']['requestBody']['content']['application/json'];
export type Lead = paths[LeadsPath]['post']['responses'][201]['content']['application/json'];
export type LeadPage = paths[LeadsPath]['get']['responses'][200]['content']['application/json'];
export type StoredFile = paths[FilesPath]['post']['responses'][201]['content']['application/json'];
type Download = paths[FilePath]['get']['responses'][200]['content'];
/** What a download answers, whatever its Content-Type: bytes (`Blob`), never `void` or text. */
export type FileBytes = Download[keyof Download];

export class PartnerApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`Leadgate answered ${status}: ${JSON.stringify(problem)}`);
  }
}

export function partnerClient(options: { baseUrl: string; token: string; campaignId: string }) {
  const api = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.token}` },
  });
  const campaign = `/v1/campaigns/${options.campaignId}`;
  // The one cast: the campaign id is known at run time, the path's shape is checked above.
  const leads = `${campaign}/leads` as LeadsPath;
  const files = `${campaign}/leads/{leadId}/files` as FilesPath;
  const file = `${campaign}/leads/{leadId}/files/{fileId}` as FilePath;

  return {
    async createLead(body: NewLead, idempotencyKey: string): Promise<Lead> {
      const { data, error, response } = await api.POST(leads, {
        body,
        params: { header: { 'Idempotency-Key': idempotencyKey } },
      });
      if (data === undefined) throw new PartnerApiError(response.status, error);
      return data;
    },

    /** Every lead the token may see, a page at a time: follows `next_cursor` until it is null. */
    async *pages(limit: number): AsyncGenerator<LeadPage> {
      let cursor: string | undefined;
      do {
        const { data, error, response } = await api.GET(leads, { params: { query: { limit, cursor } } });
        if (data === undefined) throw new PartnerApiError(response.status, error);
        yield data;
        cursor = data.next_cursor ?? undefined;
      } while (cursor !== undefined);
    },

    async uploadFile(leadId: string, name: string, bytes: Blob): Promise<StoredFile> {
      const { data, error, response } = await api.POST(files, {
        params: { path: { leadId } },
        body: { file: bytes },
        bodySerializer: (body) => {
          const form = new FormData();
          form.append('file', body.file, name);
          return form;
        },
      });
      if (data === undefined) throw new PartnerApiError(response.status, error);
      return data;
    },

    async downloadFile(leadId: string, fileId: string): Promise<{ bytes: FileBytes; contentType: string | null }> {
      const { data, error, response } = await api.GET(file, {
        params: { path: { leadId, fileId } },
        parseAs: 'blob',
      });
      if (data === undefined) throw new PartnerApiError(response.status, error);
      const bytes: FileBytes = data;
      return { bytes, contentType: response.headers.get('content-type') };
    },
  };
}

export type PartnerClient = ReturnType<typeof partnerClient>;

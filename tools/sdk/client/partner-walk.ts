// What the typed SDK test does with the client: the calls a partner makes first. Written for the
// test campaign (a required `name` and `email`), as a partner's code is written for its campaign.
import { NewLead, partnerClient } from './partner-client';
import { PartnerWalk, PartnerWalkOptions, PartnerWalkReport } from './partner-walk-report';

export async function partnerWalk(options: PartnerWalkOptions): Promise<PartnerWalkReport> {
  const client = partnerClient(options);
  const created: PartnerWalkReport['created'] = [];
  for (let index = 0; index < options.leads; index++) {
    const body: NewLead = {
      fields: { name: `Typed ${options.runId} ${index}`, email: `typed-${index}@example.com` },
    };
    const lead = await client.createLead(body, `${options.runId}-${index}`);
    created.push({ id: lead.id, version: lead.version, name: lead.fields.name });
  }
  const pages: string[][] = [];
  for await (const page of client.pages(options.pageSize)) pages.push(page.data.map((lead) => lead.id));
  const [first] = created;
  if (!first) throw new Error('no lead was created');
  const { name, type, bytes } = options.file;
  const stored = await client.uploadFile(first.id, name, new Blob([new Uint8Array(bytes)], { type }));
  const download = await client.downloadFile(first.id, stored.id);
  return {
    created,
    pages,
    stored: { id: stored.id, filename: stored.filename, content_type: stored.content_type, size: stored.size },
    downloaded: { contentType: download.contentType, bytes: new Uint8Array(await download.bytes.arrayBuffer()) },
  };
}

/** The test loads this module without its types: this line keeps the export and the report's types in step. */
export const PARTNER_WALK: PartnerWalk = partnerWalk;

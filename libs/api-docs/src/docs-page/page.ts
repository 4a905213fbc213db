import { tokenView } from '@leadgate/api-docs/field-access-docs';
import { html, Html } from '@leadgate/api-docs/html-template';
import { CampaignDocs, TokenDocsInput, trimBaseUrl } from '@leadgate/api-docs/model';
import { CampaignOperation, operationsFor, suffixFor } from '@leadgate/api-docs/operations';
import { hasWebhooksSection, webhooksSection, WEBHOOKS_IDS } from '@leadgate/api-docs/webhooks-html';
import { errorsSection } from './errors-section';
import { navigation, NavEntry } from './nav';
import { objectSchemas, SchemaIds } from './object-schemas';
import { operationSection } from './operation-section';
import { PAGE_STYLE } from './page-style';
import { rateLimitSection } from './rate-limit-section';
import { schemaSection } from './schema-section';

// Built outside the html template (which formatters reflow): the CSP hash covers exactly PAGE_STYLE.
const STYLE_TAG = new Html(`<style>${PAGE_STYLE}</style>`);

const IDS = {
  start: 'getting-started',
  rateLimits: 'rate-limits',
  errors: 'errors',
  problem: 'problem-object',
  retries: 'retries',
};

/** One campaign with its operations and the anchors of its parts (suffixed when the page has several). */
interface CampaignPart {
  campaign: CampaignDocs;
  operations: CampaignOperation[];
  ids: SchemaIds & { campaign: string; fields: string; objects: string; operations: string };
}

function campaignParts(input: TokenDocsInput): CampaignPart[] {
  return input.campaigns.map((campaign) => {
    const suffix = suffixFor(campaign, input.campaigns.length);
    return {
      campaign,
      operations: operationsFor(input.scopes, campaign, suffix),
      ids: {
        campaign: `campaign${suffix}`,
        fields: `fields${suffix}`,
        objects: `objects${suffix}`,
        lead: `lead-object${suffix}`,
        body: `lead-body${suffix}`,
        file: `file-object${suffix}`,
        operations: `operations${suffix}`,
      },
    };
  });
}

const usesOf = (part: CampaignPart) => ({
  writes: part.operations.some((op) => op.kind === 'create' || op.kind === 'batch' || op.kind === 'update'),
  files: part.operations.some((op) => op.kind.endsWith('File') || op.kind === 'listFiles'),
});

function navEntries(input: TokenDocsInput, parts: CampaignPart[]): NavEntry[] {
  const campaigns = parts.map((part): NavEntry => {
    const { campaign, operations, ids } = part;
    const uses = usesOf(part);
    return {
      id: ids.campaign,
      label: parts.length === 1 ? 'Campaign' : campaign.schema.name,
      children: [
        { id: ids.fields, label: 'Fields and values' },
        {
          id: ids.objects,
          label: 'Schemas',
          children: [
            { id: ids.lead, label: 'Lead' },
            ...(uses.writes ? [{ id: ids.body, label: 'Lead body' }] : []),
            ...(uses.files ? [{ id: ids.file, label: 'File' }] : []),
          ],
        },
        {
          id: ids.operations,
          label: 'Operations',
          children: operations.map((op) => ({
            id: op.operationId,
            label: html`<span class="method ${op.method}">${op.method.toUpperCase()}</span> ${op.summary}`,
          })),
        },
      ],
    };
  });
  return [
    { id: IDS.start, label: 'Getting started' },
    { id: IDS.rateLimits, label: 'Rate limits' },
    ...campaigns,
    {
      id: IDS.errors,
      label: 'Errors',
      children: [
        { id: IDS.problem, label: 'Problem' },
        { id: `${IDS.errors}-types`, label: 'Problem types' },
      ],
    },
    ...(hasWebhooksSection(input)
      ? [
          {
            id: WEBHOOKS_IDS.section,
            label: 'Webhooks',
            children: [{ id: WEBHOOKS_IDS.verify, label: 'Verifying a delivery' }],
          },
        ]
      : []),
    { id: IDS.retries, label: 'Retries and concurrency' },
  ];
}

function campaignSection(input: TokenDocsInput, part: CampaignPart): Html {
  const { campaign, operations, ids } = part;
  return html`<section aria-labelledby="${ids.campaign}">
    <h2 id="${ids.campaign}">
      Campaign: ${campaign.schema.name} <small><code>${campaign.schema.id}</code></small>
    </h2>
    ${
      campaign.filterName
        ? html`<p>
            This token sees only the leads of the filter <strong>${campaign.filterName}</strong>; values it fixes are
            filled in on create.
          </p>`
        : ''
    }
    ${schemaSection(campaign, ids.fields)}
    <h3 id="${ids.objects}">Schemas</h3>
    ${objectSchemas(campaign, ids, usesOf(part))}
    <h3 id="${ids.operations}">Operations</h3>
    ${
      operations.length === 0
        ? html`<p>This token may not call any operation on this campaign.</p>`
        : operations.map((op) => operationSection(op, input.baseUrl, ids))
    }
  </section>`;
}

function gettingStarted(input: TokenDocsInput, documentsPath: string): Html {
  const base = trimBaseUrl(input.baseUrl);
  return html`<p>
      What this ${input.kind === 'campaign' ? 'campaign' : 'account-level'} token may do, built from the current schema:
      changes show here at once. Machine-readable:
      <a href="${documentsPath}/openapi.json">OpenAPI 3.1 (JSON)</a>,
      <a href="${documentsPath}/openapi.yaml">OpenAPI 3.1 (YAML)</a>,
      <a href="${documentsPath}/postman.json">Postman collection</a>.
    </p>
    <h2 id="${IDS.start}">Getting started</h2>
    <p>Base URL: <code>${base}</code></p>
    <p>
      Authentication: send your token (it starts with <code>lgt_</code> and was shown once, when it was made) in every
      request:
    </p>
    <pre>Authorization: Bearer &lt;your token&gt;</pre>
    <p>
      Scopes of this token:
      ${
        input.scopes.length === 0
          ? 'none'
          : input.scopes.map((scope, index) => html`${index > 0 ? ', ' : ''}<code>${scope}</code>`)
      }.
      JSON everywhere (<code>application/json; charset=utf-8</code>). The examples read the token from
      <code>LEADGATE_TOKEN</code>.
    </p>
    <p><code>GET ${base}/v1/me</code> shows the token as the platform sees it.</p>
    ${input.campaigns.length === 0 ? html`<p>This token reaches no campaign yet.</p>` : ''}`;
}

const RETRIES = html`<h2 id="${IDS.retries}">Retries and concurrency</h2>
  <p>
    Send an <code>Idempotency-Key</code> header on creates and batches to retry them safely. Reads answer an
    <code>ETag</code>; send it as <code>If-Match</code> on an update to get <strong>412</strong> instead of overwriting
    a newer change.
  </p>
  <p>
    Every request has a deadline. A create that could not be carried out in time answers <strong>504</strong> and
    nothing of it is stored, then or later: retry it. A batch that runs out of time answers <strong>200</strong> with
    the items it stored and <code>{"status": "not_processed", "reason": "deadline"}</code> for the items it did not
    start; send those again. A service that is saturated answers <strong>503</strong> with <code>Retry-After</code> at
    once (nothing was done).
  </p>`;

/**
 * The per-token documentation page (API.md §7): a navigation column of plain anchors beside the
 * content, everything readable without JavaScript, every value escaped. `documentsPath` is where
 * the page lives (`/docs/p/<key>`), for the download links. Serve it with DOCS_PAGE_CSP.
 */
export function renderDocsPage(token: TokenDocsInput, documentsPath: string): string {
  // Hidden fields leave here, before anything is rendered: no part of the page can name them.
  const input = tokenView(token);
  const parts = campaignParts(input);
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Leadgate API: ${input.title}</title>
        ${STYLE_TAG}
      </head>
      <body>
        <div class="layout">
          ${navigation(navEntries(input, parts))}
          <main>
            <h1>Leadgate API: ${input.title}</h1>
            ${gettingStarted(input, documentsPath)} ${rateLimitSection(IDS.rateLimits, input.rateLimitPerMinute)}
            ${parts.map((part) => campaignSection(input, part))}
            ${errorsSection(
              { errors: IDS.errors, problem: IDS.problem },
              input.campaigns,
              parts.flatMap((part) => part.operations),
            )}
            ${webhooksSection(input, documentsPath)} ${RETRIES}
          </main>
        </div>
      </body>
    </html>`;
  return page.value;
}

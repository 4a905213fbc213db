import { leadExample, maskedSample, validationErrorExample } from './examples';
import { levelOf, tokenView } from './field-access-docs';
import { isNarrowing } from '@leadgate/field-access';
import { CampaignDocs, TokenDocsInput, trimBaseUrl } from './model';
import { PROBLEM_RESPONSES } from './openapi-components';
import { operationsFor, suffixFor } from './operations';
import { requestExample } from './request-examples';
import { html, Html } from './html-template';
import { webhooksSection } from './webhooks-html';

const TYPE_NOTES: Record<string, string> = {
  text: 'string',
  textarea: 'string (long text)',
  email: 'string, e-mail address',
  phone: 'string, phone number (digits, spaces, + ( ) -)',
  url: 'string, http(s) URL',
  number: 'number',
  date: 'string, date YYYY-MM-DD',
  boolean: 'true or false',
};

type Field = CampaignDocs['schema']['fields'][number];

/** The access cell of a field: a badge and what it means, for a token whose field access narrows. */
function accessCell(campaign: CampaignDocs, field: Field): Html {
  switch (levelOf(campaign, field.key)) {
    case 'masked':
      return html`<span class="badge masked">Masked</span> read as e.g. <code>${maskedSample(field)}</code>; written in
        full`;
    case 'read_only':
      return html`<span class="badge read-only">Read-only</span> read in full; never written by this token`;
    case 'full':
      return html`read and write`;
  }
}

const ACCESS_NOTE = html`<p>
  This token reads some fields narrowed: a <strong>Masked</strong> field is read masked and written in full; a
  <strong>Read-only</strong> field is read in full and not part of its creates and updates (a body that sends a field
  this token may not write is refused with <strong>422</strong> <code>field_not_writable</code>).
</p>`;

function schemaSection(campaign: CampaignDocs): Html {
  const { schema, pinned } = campaign;
  const narrowed = isNarrowing(campaign.fieldAccess);
  return html` <h3>Fields <small>(<code>fields</code>)</small></h3>
    ${narrowed ? ACCESS_NOTE : ''}
    ${
      schema.fields.length === 0
        ? html`<p>This campaign has no fields.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Key</th>
                <th>Label</th>
                <th>Type</th>
                <th>Required on create</th>
                ${narrowed ? html`<th>Access for this token</th>` : ''}
              </tr>
            </thead>
            <tbody>
              ${schema.fields.map(
                (field) =>
                  html`<tr>
                    <td><code>${field.key}</code></td>
                    <td>${field.label}</td>
                    <td>${TYPE_NOTES[field.type]}</td>
                    <td>${field.required ? html`<strong>required</strong>` : 'optional'}</td>
                    ${narrowed ? html`<td>${accessCell(campaign, field)}</td>` : ''}
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
    <h3>Selects <small>(<code>select_field_values</code>)</small></h3>
    ${schema.selects.length === 0 ? html`<p>None.</p>` : ''}
    ${schema.selects.map((select) => {
      const fixed = pinned.select_field_values[select.key];
      return html`<h4>${select.label} <code>${select.key}</code></h4>
        <ul>
          ${select.options.map(
            (option) =>
              html`<li>
                <code>${option.value}</code>
                ${option.label}${option.value === fixed ? html` <span class="pinned">the only value: filled in automatically</span>` : ''}
              </li> `,
          )}${select.options.length === 0 ? html`<li>No value is allowed for this token.</li>` : ''}
        </ul>`;
    })}
    <h3>Statuses <small>(<code>status</code>)</small></h3>
    <ul>
      ${schema.statuses.map(
        (status) =>
          html`<li>
            <code>${status.slug}</code>
            ${status.label}${status.is_default ? html` <em>(default)</em>` : ''}${status.slug === pinned.status ? html` <span class="pinned">the only value: filled in automatically</span>` : ''}
          </li> `,
      )}
    </ul>
    <h3>Relations <small>(<code>relations</code>)</small></h3>
    ${schema.relations.length === 0 ? html`<p>None.</p>` : ''}
    ${schema.relations.map(
      (relation) =>
        html`<h4>${relation.label} <code>${relation.key}</code></h4>
          <ul>
            ${relation.options.map((option) => html`<li><code>${option.id}</code> ${option.label}</li> `)}
          </ul>`,
    )}`;
}

const LIST_PARAMETERS: [string, string][] = [
  ['status', 'only leads with this status slug'],
  ['select.<key>', 'only leads whose select has this value, e.g. select.source=VALUE'],
  [
    'field.<key>',
    'only leads whose field has exactly this value, e.g. field.<key>=VALUE; not for a field this token reads masked (400)',
  ],
  ['updated_since', 'ISO 8601 time: only leads changed at or after it'],
  ['limit', '1 to 500, default 50'],
  [
    'cursor',
    'the next_cursor of the previous page; the answer is { "data": [...], "next_cursor": string or null }. ' +
      'Follow it until it is null: a page can hold fewer than limit leads before the end.',
  ],
];

function operationsSection(input: TokenDocsInput, campaign: CampaignDocs): Html {
  const ops = operationsFor(input.scopes, campaign, suffixFor(campaign, input.campaigns.length));
  if (ops.length === 0) return html`<p>This token may not call any operation on this campaign.</p>`;
  return html`${ops.map((op) => {
    const example = requestExample(op, input.baseUrl);
    return html`<section class="op" id="${op.operationId}">
      <h4><span class="method ${op.method}">${op.method.toUpperCase()}</span> <code>${op.path}</code> ${op.summary}</h4>
      <p>${op.description} Needs the <code>${op.scope}</code> scope.</p>
      ${
        op.kind === 'list'
          ? html`<table>
              <thead>
                <tr>
                  <th>Query parameter</th>
                  <th>Meaning</th>
                </tr>
              </thead>
              <tbody>
                ${LIST_PARAMETERS.map(
                  ([name, meaning]) =>
                    html`<tr>
                      <td><code>${name}</code></td>
                      <td>${meaning}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : ''
      }
      ${
        example.body !== undefined
          ? html`<p>Request body:</p>
              <pre>${JSON.stringify(example.body, null, 2)}</pre>`
          : ''
      }
      <p>curl:</p>
      <pre>${example.curl}</pre>
      <p>JavaScript:</p>
      <pre>${example.javascript}</pre>
      ${
        op.kind === 'get'
          ? html`<p>Answer (example, as this token reads it):</p>
              <pre>${JSON.stringify(leadExample(op.campaign), null, 2)}</pre>`
          : ''
      }
    </section>`;
  })}`;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
code,pre{font-family:ui-monospace,Menlo,monospace;font-size:.9em}pre{background:#f4f6f8;padding:.75rem;white-space:pre-wrap;overflow-wrap:anywhere;border-radius:4px}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d5dae0;padding:.3rem .6rem;text-align:left}
.pinned{background:#fff3c4;padding:0 .3rem;border-radius:3px}.method{font-weight:bold;padding:0 .3rem;border-radius:3px;color:#fff}
.get{background:#2b6cb0}.post{background:#2f855a}.patch{background:#975a16}section.op{border-top:1px solid #e2e6ea;margin-top:1rem}
h2{border-bottom:2px solid #1d2330;margin-top:2.5rem}.badge{font-size:.85em;font-weight:bold;padding:0 .4rem;border-radius:3px;white-space:nowrap}
.masked{background:#e9d8fd;color:#44337a}.read-only{background:#e2e8f0;color:#1a202c}`;

/**
 * The per-token documentation page (API.md §7): everything readable without JavaScript, every
 * value escaped. `documentsPath` is where the page lives (`/docs/p/<key>`), for the download links.
 */
export function renderDocsPage(token: TokenDocsInput, documentsPath: string): string {
  // Hidden fields leave here, before anything is rendered: no part of the page can name them.
  const input = tokenView(token);
  const base = trimBaseUrl(input.baseUrl);
  const body = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Leadgate API: ${input.title}</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body>
        <h1>Leadgate API: ${input.title}</h1>
        <p>
          What this ${input.kind === 'campaign' ? 'campaign' : 'account-level'} token may do, built from the current
          schema: changes show here at once. Machine-readable:
          <a href="${documentsPath}/openapi.json">OpenAPI 3.1 (JSON)</a>,
          <a href="${documentsPath}/openapi.yaml">OpenAPI 3.1 (YAML)</a>,
          <a href="${documentsPath}/postman.json">Postman collection</a>.
        </p>
        <h2>Getting started</h2>
        <p>Base URL: <code>${base}</code></p>
        <p>
          Authentication: send your token (it starts with <code>lgt_</code> and was shown once, when it was made) in
          every request:
        </p>
        <pre>Authorization: Bearer &lt;your token&gt;</pre>
        <p>
          Scopes of this token:
          ${input.scopes.length === 0 ? 'none' : input.scopes.map((scope, index) => html`${index > 0 ? ', ' : ''}<code>${scope}</code>`)}.
          JSON everywhere (<code>application/json; charset=utf-8</code>). The examples read the token from
          <code>LEADGATE_TOKEN</code>.
        </p>
        <p><code>GET ${base}/v1/me</code> shows the token as the platform sees it.</p>
        ${input.campaigns.length === 0 ? html`<p>This token reaches no campaign yet.</p>` : ''}
        ${input.campaigns.map(
          (campaign) =>
            html`<h2>
                Campaign: ${campaign.schema.name} <small><code>${campaign.schema.id}</code></small>
              </h2>
              ${campaign.filterName ? html`<p>This token sees only the leads of the filter <strong>${campaign.filterName}</strong>; values it fixes are filled in on create.</p>` : ''}
              ${schemaSection(campaign)}
              <h3>Operations</h3>
              ${operationsSection(input, campaign)}`,
        )}
        ${webhooksSection(input, documentsPath)}
        <h2>Errors</h2>
        <p>
          Every error is <code>application/problem+json</code> (RFC 9457), with one <code>errors</code> entry per
          problem where there are several:
        </p>
        <pre>
${JSON.stringify(
            {
              type: 'https://leadgate.dev/problems/validation_failed',
              title: 'Validation failed',
              status: 422,
              detail: 'The lead does not fit the campaign schema.',
              errors: [validationErrorExample(input.campaigns)],
            },
            null,
            2,
          )}</pre>
        <table>
          <thead>
            <tr>
              <th>Status</th>
              <th>Problem type</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            ${Object.entries(PROBLEM_RESPONSES).map(
              ([status, problem]) =>
                html`<tr>
                  <td>${status}</td>
                  <td>
                    <code>${problem.type}</code
                    >${status === '422' ? html`, <code>out_of_scope</code>, <code>field_not_writable</code>` : ''}
                  </td>
                  <td>${problem.description}</td>
                </tr> `,
            )}
          </tbody>
        </table>
        <h2>Rate limits</h2>
        <p>
          Every answer carries <code>RateLimit-Limit</code> (requests per window), <code>RateLimit-Remaining</code> and
          <code>RateLimit-Reset</code> (seconds until the window is full again). Over the limit the answer is
          <strong>429</strong> with <code>Retry-After</code> (seconds).
        </p>
        <h2>Retries and concurrency</h2>
        <p>
          Send an <code>Idempotency-Key</code> header on creates and batches to retry them safely. Reads answer an
          <code>ETag</code>; send it as <code>If-Match</code> on an update to get <strong>412</strong> instead of
          overwriting a newer change.
        </p>
        <p>
          Every request has a deadline. A create that could not be carried out in time answers
          <strong>504</strong> and nothing of it is stored, then or later: retry it. A batch that runs out of time
          answers <strong>200</strong> with the items it stored and
          <code>{"status": "not_processed", "reason": "deadline"}</code>
          for the items it did not start; send those again. A service that is saturated answers
          <strong>503</strong> with <code>Retry-After</code> at once (nothing was done), and a token may have a limited
          number of requests in progress at once (<strong>429</strong> <code>concurrency_limited</code>).
        </p>
      </body>
    </html> `;
  return body.value;
}

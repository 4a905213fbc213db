import { WEBHOOK_EVENT_TYPES } from '@leadgate/contracts';
import { leadExample } from './examples';
import { namesTable, withCode } from './docs-page/code-text';
import { html, Html } from './html-template';
import { TokenDocsInput, trimBaseUrl } from './model';
import {
  DELIVERY_RULES,
  managesWebhooks,
  receivesLeadEvents,
  SLICE_RULE,
  VERIFY_BY_HAND,
  VERIFY_IN_PYTHON,
  VERIFY_WITH_LIBRARY,
  WEBHOOK_EVENTS,
  WEBHOOK_HEADERS,
} from './webhooks-docs';

/** The anchors of the section and of its verification recipe, for the page's navigation. */
export const WEBHOOKS_IDS = { section: 'webhooks', verify: 'webhooks-verify' };

/** An example delivery body: the lead as this token reads it (the page's input is already its view). */
function exampleDelivery(input: TokenDocsInput): Record<string, unknown> {
  const campaign = input.campaigns[0];
  const lead = leadExample(campaign);
  return {
    specversion: '1.0',
    id: '01J8Z3QH2R5V6W7X8Y9ZA0B1C2',
    source: '/leadgate/leads',
    type: 'lead.created',
    subject: lead['id'],
    time: lead['created_at'],
    datacontenttype: 'application/json',
    data: { campaign_id: campaign.schema.id, lead, changed: [] },
  };
}

/**
 * The page's webhooks section (API.md §12): what a subscription of this token receives, how to
 * subscribe, the headers, the delivery rules and how to verify a signature. Empty for a token that
 * reads no leads and manages no subscriptions.
 */
export function webhooksSection(input: TokenDocsInput, documentsPath: string): Html | '' {
  const may = managesWebhooks(input.scopes);
  const receives = receivesLeadEvents(input);
  if (!hasWebhooksSection(input)) return '';
  const base = trimBaseUrl(input.baseUrl);
  return html`<h2 id="${WEBHOOKS_IDS.section}">Webhooks</h2>
    <p>${withCode(SLICE_RULE)}</p>
    ${
      may.write
        ? html`<p>Subscribe an endpoint (the answer shows the signing secret once):</p>
            <pre>
curl -X POST ${base}/v1/webhooks -H "Authorization: Bearer $LEADGATE_TOKEN" -H "Content-Type: application/json" \\
  -d '${JSON.stringify({ url: 'https://example.com/leadgate', events: WEBHOOK_EVENT_TYPES })}'</pre>
            <p>
              Then <code>GET/PATCH/DELETE /v1/webhooks/{id}</code>, <code>POST /v1/webhooks/{id}/rotate-secret</code>,
              <code>POST /v1/webhooks/{id}/test</code> (a <code>webhook.test</code> event) and
              <code>POST /v1/webhooks/{id}/deliveries/{deliveryId}/retry</code>.
            </p>`
        : html`<p>An account admin subscribes endpoints for this token; the secret is handed to you once.</p>`
    }
    ${may.read ? html`<p><code>GET /v1/webhooks/{id}/deliveries</code> lists every attempt and its answer.</p>` : ''}
    ${
      receives
        ? html`<table>
              <thead>
                <tr>
                  <th>Event</th>
                  <th>When</th>
                </tr>
              </thead>
              <tbody>
                ${WEBHOOK_EVENT_TYPES.map(
                  (type) =>
                    html`<tr>
                      <td><code>${type}</code></td>
                      <td>${WEBHOOK_EVENTS[type]}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
            <p>
              Each delivery is an HTTP POST of a CloudEvents 1.0 JSON body (example, as this token reads it;
              machine-readable in the OpenAPI <code>webhooks</code> and in
              <a href="${documentsPath}/asyncapi.json">AsyncAPI 3</a>):
            </p>
            <pre>${JSON.stringify(exampleDelivery(input), null, 2)}</pre>`
        : ''
    }
    ${namesTable('Header', Object.entries(WEBHOOK_HEADERS))}
    <p>${withCode(DELIVERY_RULES)}</p>
    <h3 id="${WEBHOOKS_IDS.verify}">Verifying a delivery</h3>
    <p>
      Deliveries are signed as <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>: the
      <code>webhook-signature</code> header holds <code>v1,</code> and the base64 HMAC-SHA256 of
      <code>{webhook-id}.{webhook-timestamp}.{raw body}</code>, keyed with the base64-decoded part of your secret after
      <code>whsec_</code>. Check the signature over the raw body (before any JSON parsing), refuse a
      <code>webhook-timestamp</code> more than 5 minutes from your clock, and de-duplicate on <code>webhook-id</code>.
    </p>
    <p class="lang">JavaScript, with the Standard Webhooks library</p>
    <pre>${VERIFY_WITH_LIBRARY}</pre>
    <p class="lang">JavaScript, by hand (comparing in constant time)</p>
    <pre>${VERIFY_BY_HAND}</pre>
    <p class="lang">Python, by hand</p>
    <pre>${VERIFY_IN_PYTHON}</pre>`;
}

/** The section is there for a token that reads leads (it may receive them) or manages subscriptions. */
export function hasWebhooksSection(input: TokenDocsInput): boolean {
  const may = managesWebhooks(input.scopes);
  return receivesLeadEvents(input) || may.read || may.write;
}

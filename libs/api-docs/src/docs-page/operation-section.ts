import { html, Html } from '@leadgate/api-docs/html-template';
import { CampaignOperation } from '@leadgate/api-docs/operations';
import { requestExample } from '@leadgate/api-docs/request-examples';
import { namesTable, withCode } from './code-text';
import { listFilterExample } from './list-query';
import { EVERY_CALL, operationProblems, ProblemType } from './problem-types';
import { ResponseExample, responseExample } from './response-examples';
import { SchemaIds } from './object-schemas';

/** The list's query parameters, with examples from this campaign. */
function listParameters(op: CampaignOperation): [string, string][] {
  const filter = listFilterExample(op.campaign);
  const select = filter?.[0].startsWith('select.') ? `${filter[0]}=${filter[1]}` : 'select.<key>=VALUE';
  const [hinted] = Object.entries(op.campaign.fieldHints ?? {});
  const field = hinted ? `field.${hinted[0]}=${String(hinted[1])}` : 'field.<key>=VALUE';
  return [
    ['status', 'only leads with this status slug'],
    ['select.<key>', `only leads whose select has this value, e.g. \`${select}\``],
    [
      'field.<key>',
      `only leads whose field has exactly this value, e.g. \`${field}\`; not for a field this token reads masked (400)`,
    ],
    ['updated_since', 'ISO 8601 time: only leads changed at or after it, e.g. `2024-05-01T00:00:00Z`'],
    ['limit', '1 to 500, default 50'],
    ['cursor', 'the `next_cursor` of the previous page; follow it until it is null'],
  ];
}

/** The answer as it comes: status line, the headers that matter, the body. */
function answerText(answer: ResponseExample): string {
  const headers = Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`);
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2);
  return [`HTTP/1.1 ${answer.status}`, ...headers, '', body].join('\n');
}

function problemsTable(problems: readonly ProblemType[]): Html {
  return html`<table>
    <thead>
      <tr>
        <th>Status</th>
        <th>Problem type</th>
        <th>When</th>
      </tr>
    </thead>
    <tbody>
      ${problems.map(
        (problem) =>
          html`<tr>
            <td>${problem.status}</td>
            <td><code>${problem.type}</code></td>
            <td>${withCode(problem.when)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Any call's problems, named in one line (the Errors section says when each is sent). */
const EVERY_CALL_LINE = html`<p>
  And, as any call:
  ${EVERY_CALL.map((problem, index) => html`${index > 0 ? ', ' : ''}${problem.status} <code>${problem.type}</code>`)}
  (<a href="#errors">Errors</a>).
</p>`;

/** One operation: what it does, its request in three languages, its answer and every problem it may get. */
export function operationSection(op: CampaignOperation, baseUrl: string, ids: SchemaIds): Html {
  const example = requestExample(op, baseUrl);
  const answer = responseExample(op, ids);
  return html`<section class="op" id="${op.operationId}" aria-labelledby="${op.operationId}-title">
    <h4 id="${op.operationId}-title">
      <span class="method ${op.method}">${op.method.toUpperCase()}</span> <code>${op.path}</code> ${op.summary}
    </h4>
    <p>${withCode(op.description)} Needs the <code>${op.scope}</code> scope.</p>
    ${op.kind === 'list' ? namesTable('Query parameter', listParameters(op)) : ''}
    <h5>Request</h5>
    ${
      example.body !== undefined
        ? html`<p>
              Body (<a href="#${ids.body}">Lead body</a
              >${op.kind === 'batch' ? html`, up to 1000 in <code>leads</code>` : ''}):
            </p>
            <pre>${JSON.stringify(example.body, null, 2)}</pre>`
        : ''
    }
    <p class="lang">curl</p>
    <pre>${example.curl}</pre>
    <p class="lang">JavaScript</p>
    <pre>${example.javascript}</pre>
    <p class="lang">Python</p>
    <pre>${example.python}</pre>
    <h5>Response</h5>
    <p>
      <span class="status">${answer.status}</span> ${withCode(answer.description)}
      ${answer.schema ? html`Schema: <a href="#${answer.schema.id}">${answer.schema.name}</a>.` : ''}
    </p>
    <pre>${answerText(answer)}</pre>
    <h5>Errors</h5>
    ${problemsTable(operationProblems(op.kind, op.method))} ${EVERY_CALL_LINE}
  </section>`;
}

export { problemsTable };

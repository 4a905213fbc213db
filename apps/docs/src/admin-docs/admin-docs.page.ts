import { escapeHtml } from '@leadgate/api-docs';
import { AdminOpenApi, HTTP_METHODS } from './admin-openapi';

interface Row {
  tag: string;
  method: string;
  path: string;
  summary: string;
  operationId: string;
  details: string;
}

type Schema = { properties?: Record<string, unknown>; required?: string[] };

/** One line each for the body fields (required ones marked) and the answers, from the operation's schemas. */
function detailsOf(operation: Record<string, unknown>): string {
  const body = operation['requestBody'] as { content?: Record<string, { schema?: Schema }> } | undefined;
  const schema = Object.values(body?.content ?? {})[0]?.schema;
  const required = new Set(schema?.required ?? []);
  const fields = Object.keys(schema?.properties ?? {}).map((name) => (required.has(name) ? `${name}*` : name));
  const statuses = Object.keys((operation['responses'] as Record<string, unknown> | undefined) ?? {});
  const description = operation['description'];
  const lines = [typeof description === 'string' ? description : ''];
  if (body) lines.push(`Body: ${fields.length > 0 ? fields.join(', ') : 'JSON'}`);
  if (statuses.length > 0) lines.push(`Answers: ${statuses.join(', ')}`);
  return lines
    .filter(Boolean)
    .map((line) => `<div>${escapeHtml(line)}</div>`)
    .join('');
}

function rowsOf(document: AdminOpenApi): Row[] {
  const rows: Row[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      rows.push({
        tag: operation.tags?.[0] ?? 'admin',
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? '',
        operationId: operation.operationId ?? '',
        details: detailsOf(operation),
      });
    }
  }
  return rows.sort(
    (a, b) => a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #dde}td div{font-size:.9em;color:#4a5265}
code{font-family:ui-monospace,monospace}.m{font-weight:600;width:5rem}h2{margin-top:2rem;text-transform:capitalize}`;

/** The admin API as one static page (no JavaScript): operations by tag, every value escaped. */
export function renderAdminDocsPage(document: AdminOpenApi, basePath: string): string {
  const byTag = new Map<string, Row[]>();
  for (const row of rowsOf(document)) byTag.set(row.tag, [...(byTag.get(row.tag) ?? []), row]);
  const sections = [...byTag.entries()].map(
    ([tag, rows]) =>
      `<section id="tag-${escapeHtml(tag)}"><h2>${escapeHtml(tag)}</h2><table>` +
      '<thead><tr><th>Method</th><th>Path</th><th>Summary</th></tr></thead><tbody>' +
      rows
        .map(
          (row) =>
            `<tr id="${escapeHtml(row.operationId)}"><td class="m"><code>${escapeHtml(row.method)}</code></td>` +
            `<td><code>${escapeHtml(row.path)}</code></td><td><strong>${escapeHtml(row.summary)}</strong>${row.details}</td></tr>`,
        )
        .join('') +
      '</tbody></table></section>',
  );
  const title = String(document.info.title);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(document.info.description)}</p>
<p>Authenticate with <code>Authorization: Bearer &lt;token&gt;</code> (an account-level token or an OAuth2 access
token from <code>/oauth/token</code>), or with the console session cookie plus <code>X-CSRF-Token</code> on unsafe methods.
Required body fields are marked <code>*</code>. Errors are <code>application/problem+json</code>. Machine-readable:
<a href="${escapeHtml(`${basePath}/openapi.json`)}">openapi.json</a>.</p>
${sections.length > 0 ? sections.join('\n') : '<p>No service has published its API yet.</p>'}
</main></body></html>`;
}

import { escapeHtml } from '@leadgate/api-docs';
import { AdminOpenApi, HTTP_METHODS } from './admin-openapi';

interface Row {
  tag: string;
  method: string;
  path: string;
  summary: string;
  operationId: string;
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
      });
    }
  }
  return rows.sort(
    (a, b) => a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #dde}
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
            `<td><code>${escapeHtml(row.path)}</code></td><td>${escapeHtml(row.summary)}</td></tr>`,
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
<p>Authenticate with <code>Authorization: Bearer &lt;token&gt;</code> (an account-level token).
Errors are <code>application/problem+json</code>. Machine-readable:
<a href="${escapeHtml(`${basePath}/openapi.json`)}">openapi.json</a>.</p>
${sections.length > 0 ? sections.join('\n') : '<p>No service has published its API yet.</p>'}
</main></body></html>`;
}

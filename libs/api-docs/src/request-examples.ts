import { createExample, updateExample } from './examples';
import { trimBaseUrl } from './model';
import { CampaignOperation } from './operations';

export interface RequestExample {
  body: unknown;
  curl: string;
  javascript: string;
}

/** Single-quotes a string for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function concretePath(path: string): string {
  return path.replace('{leadId}', 'LEAD_ID').replace('{fileId}', 'FILE_ID');
}

export function exampleBody(op: CampaignOperation): unknown {
  switch (op.kind) {
    case 'create':
      return createExample(op.campaign);
    case 'batch':
      return { leads: [createExample(op.campaign)] };
    case 'update':
      return updateExample(op.campaign);
    case 'schema':
    case 'list':
    case 'get':
    case 'listFiles':
    case 'uploadFile':
    case 'downloadFile':
      return undefined;
  }
}

/** A curl and a JavaScript (fetch) request for an operation, that the API accepts as they are. */
export function requestExample(op: CampaignOperation, baseUrl: string): RequestExample {
  const query = op.kind === 'list' ? '?limit=50' : '';
  const url = `${trimBaseUrl(baseUrl)}${concretePath(op.path)}${query}`;
  const method = op.method.toUpperCase();
  const body = exampleBody(op);
  const curl = [`curl -X ${method} ${shellQuote(url)}`, `  -H "Authorization: Bearer $LEADGATE_TOKEN"`];
  const headers = ['Authorization: `Bearer ${process.env.LEADGATE_TOKEN}`'];
  if (op.kind === 'create' || op.kind === 'batch') {
    curl.push(`  -H "Idempotency-Key: $(uuidgen)"`);
    headers.push(`'Idempotency-Key': crypto.randomUUID()`);
  }
  if (op.kind === 'update') {
    curl.push(`  -H 'If-Match: "v1"'`);
    headers.push(`'If-Match': '"v1"'`);
  }
  let jsBody = '';
  if (body !== undefined) {
    curl.push(`  -H 'Content-Type: application/json'`, `  --data ${shellQuote(JSON.stringify(body, null, 2))}`);
    headers.push(`'Content-Type': 'application/json'`);
    jsBody = `  body: JSON.stringify(${JSON.stringify(body, null, 2).replace(/\n/g, '\n  ')}),\n`;
  }
  if (op.kind === 'uploadFile') {
    curl.push(`  -F 'file=@./offer.pdf'`);
    jsBody = `  body: (() => { const form = new FormData(); form.append('file', new Blob([bytes]), 'offer.pdf'); return form; })(),\n`;
  }
  if (op.kind === 'downloadFile') curl.push('  -OJ');
  const read = op.kind === 'downloadFile' ? 'await response.arrayBuffer()' : 'await response.json()';
  const javascript =
    `const response = await fetch(${JSON.stringify(url)}, {\n` +
    `  method: '${method}',\n` +
    `  headers: { ${headers.join(', ')} },\n` +
    jsBody +
    `});\n` +
    `console.log(response.status, ${read});`;
  return { body, curl: curl.join(' \\\n'), javascript };
}

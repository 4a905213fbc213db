import { listQuery } from './docs-page/list-query';
import { pythonLiteral } from './docs-page/python-literal';
import { createExample, updateExample } from './examples';
import { trimBaseUrl } from './model';
import { CampaignOperation } from './operations';

export interface RequestExample {
  body: unknown;
  curl: string;
  javascript: string;
  python: string;
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

/** The list example's query, e.g. `?select.select_partner=SELECT_PARTNER&limit=50`; none for other operations. */
function queryString(op: CampaignOperation): string {
  if (op.kind !== 'list') return '';
  const pairs = listQuery(op.campaign).map(
    ([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
  );
  return `?${pairs.join('&')}`;
}

/** The same request with Python's `requests`: query as `params`, body as `json`. */
function pythonExample(op: CampaignOperation, baseUrl: string, body: unknown): string {
  const url = `${trimBaseUrl(baseUrl)}${concretePath(op.path)}`;
  const headers = ['"Authorization": f"Bearer {os.environ[\'LEADGATE_TOKEN\']}"'];
  if (op.kind === 'create' || op.kind === 'batch') headers.push('"Idempotency-Key": str(uuid.uuid4())');
  if (op.kind === 'update') headers.push('"If-Match": \'"v1"\'');
  const args = [`    ${JSON.stringify(url)},`, `    headers={${headers.join(', ')}},`];
  if (op.kind === 'list') args.push(`    params=${pythonLiteral(Object.fromEntries(listQuery(op.campaign)), '    ')},`);
  if (body !== undefined) args.push(`    json=${pythonLiteral(body, '    ')},`);
  if (op.kind === 'uploadFile') args.push('    files={"file": open("offer.pdf", "rb")},');
  args.push('    timeout=30,');
  const imports = op.kind === 'create' || op.kind === 'batch' ? 'import os\nimport uuid\n' : 'import os\n';
  const read =
    op.kind === 'downloadFile'
      ? 'with open("offer.pdf", "wb") as out:\n    out.write(response.content)\nprint(response.status_code)'
      : 'print(response.status_code, response.json())';
  return `${imports}\nimport requests  # pip install requests\n\nresponse = requests.${op.method}(\n${args.join('\n')}\n)\n${read}`;
}

/** curl, JavaScript (fetch) and Python (requests) for an operation, that the API accepts as they are. */
export function requestExample(op: CampaignOperation, baseUrl: string): RequestExample {
  const url = `${trimBaseUrl(baseUrl)}${concretePath(op.path)}${queryString(op)}`;
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
  return { body, curl: curl.join(' \\\n'), javascript, python: pythonExample(op, baseUrl, body) };
}

// @ts-check
// The typed SDK path (issue 18): TypeScript types for a partner's client from the OpenAPI document
// of its token (`<docs_url>/openapi.json`), with openapi-typescript, the way a partner's CI makes
// them. Binary bodies become `Blob` (openapi-typescript's documented transform): the file a
// download answers and the `file` part of an upload, which would otherwise be typed `string`.
//
//   node tools/sdk/partner-types.mjs <openapi.json file or URL> <out.d.ts>
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));

/**
 * `format: binary` (OpenAPI 3.0 style) and a string with a binary `contentMediaType` (3.1 style)
 * are bytes, never text.
 * @param {{ type?: unknown; format?: unknown; contentMediaType?: unknown }} schema
 */
export function isBinary(schema) {
  if (schema.type !== 'string') return false;
  if (schema.format === 'binary') return true;
  return typeof schema.contentMediaType === 'string' && !schema.contentMediaType.startsWith('text/');
}

/**
 * The `paths`, `components` and `operations` types of an OpenAPI document, as TypeScript source.
 * @param {string} source a file path or an http(s) URL
 */
export async function partnerTypes(source) {
  const document = /^https?:\/\//.test(source) ? new URL(source) : await readFile(source, 'utf8');
  const nodes = await openapiTS(document, {
    transform: (schema) => (isBinary(/** @type {Record<string, unknown>} */ (schema)) ? BLOB : undefined),
  });
  return astToString(nodes);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [source, output] = process.argv.slice(2);
  if (!source || !output) {
    process.stderr.write('usage: node tools/sdk/partner-types.mjs <openapi.json file or URL> <out.d.ts>\n');
    process.exit(2);
  }
  await writeFile(output, await partnerTypes(source));
}

import { stringify } from 'yaml';

/** YAML of a document; plain data, no anchors or aliases (readers of OpenAPI YAML differ on them). */
export function toYaml(document: unknown): string {
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

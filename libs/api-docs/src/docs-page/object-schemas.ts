import { writableFields } from '@leadgate/api-docs/field-access-docs';
import { html, Html } from '@leadgate/api-docs/html-template';
import { CampaignDocs } from '@leadgate/api-docs/model';
import { withCode } from './code-text';

type Row = [name: string, type: string, meaning: string];

export function table(rows: readonly Row[]): Html {
  return html`<table>
    <thead>
      <tr>
        <th>Key</th>
        <th>Type</th>
        <th>Meaning</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([name, type, meaning]) =>
          html`<tr>
            <td><code>${name}</code></td>
            <td>${type}</td>
            <td>${withCode(meaning)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

const FILE_ROWS: Row[] = [
  ['id', 'string', 'The file id.'],
  ['filename', 'string', 'The name it was uploaded with.'],
  ['content_type', 'string', 'The type a download carries (the uploaded type when it is a safe one, else bytes).'],
  ['size', 'integer', 'Bytes.'],
  ['uploaded_at', 'string, date-time', 'When it was uploaded.'],
];

export const PROBLEM_ROWS: Row[] = [
  ['type', 'string (URI)', 'The problem type, e.g. `https://leadgate.dev/problems/validation_failed`: branch on it.'],
  ['title', 'string', 'A short summary of the type.'],
  ['status', 'integer', 'The HTTP status.'],
  ['detail', 'string', 'What went wrong in this request, for people.'],
  ['errors', 'array, optional', 'One `{ "path", "message" }` per problem; `path` names the key, e.g. `status`.'],
];

export interface SchemaIds {
  lead: string;
  body: string;
  file: string;
}

/**
 * The objects the operations take and answer, for this campaign: the lead as read, the lead body
 * of creates and updates (with this campaign's required fields) and, with files, the file.
 */
export function objectSchemas(campaign: CampaignDocs, ids: SchemaIds, uses: { writes: boolean; files: boolean }): Html {
  const { schema } = campaign;
  const required = writableFields(campaign).filter((field) => field.required);
  const leadRows: Row[] = [
    ['id', 'string', 'The lead id.'],
    ['campaign_id', 'string', `Always \`${schema.id}\`.`],
    ['fields', 'object', 'Field key to value, for the fields listed above (masked ones as this token reads them).'],
    ['select_field_values', 'object', 'Select key to one of its allowed values.'],
    ['status', 'string', 'A status slug.'],
    ['relations', 'object', 'Relation key to one of its option ids.'],
    ['version', 'integer', 'Starts at 1, +1 per change; the `ETag` is `"v<version>"`.'],
    ['created_at', 'string, date-time', 'When it was created.'],
    ['updated_at', 'string, date-time', 'When it last changed.'],
    ['source', 'object', '`{ "kind": "api" | "receiver", "id" }`: what created it.'],
  ];
  const bodyRows: Row[] = [
    [
      'fields',
      'object',
      required.length === 0
        ? 'Field key to value.'
        : `Field key to value; on create these are required: ${required.map((field) => `\`${field.key}\``).join(', ')}.`,
    ],
    ['select_field_values', 'object', 'Select key to an allowed value; values the filter fixes are filled in.'],
    ['status', 'string, optional', 'A status slug; the default status when left out on create.'],
    ['relations', 'object, optional', 'Relation key to an option id.'],
  ];
  return html`<h4 id="${ids.lead}">Lead</h4>
    <p>What reads, creates and updates answer.</p>
    ${table(leadRows)}
    ${
      uses.writes
        ? html`<h4 id="${ids.body}">Lead body</h4>
            <p>What creates send (an update sends only the keys it changes). Unknown keys are refused (422).</p>
            ${table(bodyRows)}`
        : ''
    }
    ${
      uses.files
        ? html`<h4 id="${ids.file}">File</h4>
            ${table(FILE_ROWS)}`
        : ''
    }`;
}

import { isNarrowing } from '@leadgate/field-access';
import { maskedSample } from '@leadgate/api-docs/examples';
import { levelOf } from '@leadgate/api-docs/field-access-docs';
import { html, Html } from '@leadgate/api-docs/html-template';
import { CampaignDocs } from '@leadgate/api-docs/model';

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

/**
 * The campaign's schema as this token may use it: fields (with their access where it narrows),
 * selects with the pinned value marked, statuses and relations. `id` is the section's anchor.
 */
export function schemaSection(campaign: CampaignDocs, id: string): Html {
  const { schema, pinned } = campaign;
  const narrowed = isNarrowing(campaign.fieldAccess);
  return html` <h3 id="${id}">Fields <small>(<code>fields</code>)</small></h3>
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

import { html, Html } from '@leadgate/api-docs/html-template';

/**
 * Rule and description texts are written with backticks for code (as the OpenAPI descriptions
 * are); on the page each backticked part becomes `<code>` so no literal backtick is ever shown.
 */
export function withCode(text: string): Html {
  return html`${text.split('`').map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

/** A table of names shown as code (query parameters, headers) and what each means. */
export function namesTable(nameHeading: string, rows: readonly (readonly [string, string])[]): Html {
  return html`<table>
    <thead>
      <tr>
        <th>${nameHeading}</th>
        <th>Meaning</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([name, meaning]) =>
          html`<tr>
            <td><code>${name}</code></td>
            <td>${withCode(meaning)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

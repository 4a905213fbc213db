import { html, Html } from '@leadgate/api-docs/html-template';

/**
 * Rule and description texts are written with backticks for code (as the OpenAPI descriptions
 * are); on the page each backticked part becomes `<code>` so no literal backtick is ever shown.
 */
export function withCode(text: string): Html {
  return html`${text.split('`').map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

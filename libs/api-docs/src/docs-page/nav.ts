import { html, Html } from '@leadgate/api-docs/html-template';

export interface NavEntry {
  /** The id of the heading or section it links to. */
  id: string;
  label: string | Html;
  children?: NavEntry[];
}

function list(entries: readonly NavEntry[]): Html {
  return html`<ul>
    ${entries.map(
      (entry) =>
        html`<li><a href="#${entry.id}">${entry.label}</a>${entry.children?.length ? list(entry.children) : ''}</li>`,
    )}
  </ul>`;
}

/** The navigation column: plain links to anchors on the page, so it works without JavaScript. */
export function navigation(entries: readonly NavEntry[]): Html {
  return html`<nav class="toc" aria-label="On this page">
    <p class="toc-title">On this page</p>
    ${list(entries)}
  </nav>`;
}

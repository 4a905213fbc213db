import { CopyButton } from '@console/ui/copy-button';

/**
 * A token's public documentation (`docs_url`): what the partner reads to use it. The link opens in a
 * new tab without handing the console window to the page (noopener noreferrer).
 */
export function DocumentationLink({ url }: { url: string }) {
  return (
    <div className="token-docs">
      <p className="token-docs-text">
        Partner documentation for this token:{' '}
        <a href={url} target="_blank" rel="noopener noreferrer">
          Open documentation<span className="tokens-visually-hidden"> (opens in a new tab)</span>
        </a>
      </p>
      <div className="token-docs-actions">
        <CopyButton text={url} label="Copy documentation link" />
      </div>
    </div>
  );
}

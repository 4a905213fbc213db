import { useState } from 'react';
import { Button } from './button';

/** Copies `text` to the clipboard and says so (politely, to screen readers too). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <Button
        onPress={() => {
          void navigator.clipboard.writeText(text).then(() => setCopied(true));
        }}
      >
        {label}
      </Button>
      <span role="status" className="copy-status">
        {copied ? 'Copied' : ''}
      </span>
    </>
  );
}

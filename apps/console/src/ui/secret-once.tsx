import { CopyButton } from './copy-button';

export interface SecretOnceProps {
  /** What the secret is, as the API calls it: "Token", "Client secret". */
  label: string;
  value: string;
}

/** A secret the API shows once: readable, copyable, and a plain warning that it will not be shown again. */
export function SecretOnce({ label, value }: SecretOnceProps) {
  const id = `secret-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div className="secret">
      <label htmlFor={id}>{label}</label>
      <div className="secret-row">
        <input id={id} className="secret-value" readOnly value={value} spellCheck={false} />
        <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
      <p className="warning" role="note">
        Copy it now: this is the only time it is shown. Leadgate keeps only a hash of it.
      </p>
    </div>
  );
}

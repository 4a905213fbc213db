import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '@console/ui/button';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { TextField } from '@console/ui/text-field';
import { AccountScopeChoice, type ScopeSource } from './account-scope-choice';
import { ExpiryField } from './expiry-field';
import { expiryFromDate, offeredPresets, offeredScopes } from './token-form-model';
import type { ScopeCatalogue } from '@console/session/scope-catalogue';
import type { useCreateAccountToken } from './token-queries';

const FIELDS = ['name', 'preset', 'scopes', 'expires_at'] as const;

export interface AccountTokenFormProps {
  catalogue: ScopeCatalogue;
  /** The signed-in person's scopes: what they may hand on. */
  heldScopes: readonly string[];
  create: ReturnType<typeof useCreateAccountToken>;
  onCancel: () => void;
}

/** **Name**, the scopes (a preset or one by one), expiry and **Save**. */
export function AccountTokenForm({ catalogue, heldScopes, create, onCancel }: AccountTokenFormProps) {
  const [name, setName] = useState('');
  const [source, setSource] = useState<ScopeSource>('preset');
  const [preset, setPreset] = useState<string | null>(null);
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const validationErrors = validationErrorsOf(create.error, FIELDS);
  return (
    <Form
      validationErrors={validationErrors}
      onSubmit={(event) => {
        event.preventDefault();
        const expires_at = expiryFromDate(expiresOn);
        create.mutate(source === 'preset' ? { name, preset: preset ?? '', expires_at } : { name, scopes, expires_at });
      }}
    >
      <TextField label="Name" name="name" isRequired maxLength={200} autoFocus value={name} onChange={setName} />
      <AccountScopeChoice
        presets={offeredPresets(catalogue.presets, heldScopes)}
        scopes={offeredScopes(catalogue.scopes, heldScopes)}
        source={source}
        onSourceChange={setSource}
        preset={preset}
        onPresetChange={setPreset}
        chosenScopes={scopes}
        onScopesChange={setScopes}
      />
      <ExpiryField value={expiresOn} onChange={setExpiresOn} />
      <ProblemAlert error={create.error} shownPaths={FIELDS} />
      <div className="form-actions">
        <Button onPress={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Save
        </Button>
      </div>
    </Form>
  );
}

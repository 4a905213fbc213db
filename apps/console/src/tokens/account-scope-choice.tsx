import { CheckboxGroup } from '@console/ui/checkbox-group';
import { RadioChoice } from './radio-choice';
import type { PresetEntry, ScopeEntry } from './token-form-model';

export type ScopeSource = 'preset' | 'scopes';

export interface AccountScopeChoiceProps {
  presets: PresetEntry[];
  scopes: ScopeEntry[];
  source: ScopeSource;
  onSourceChange: (source: ScopeSource) => void;
  preset: string | null;
  onPresetChange: (preset: string) => void;
  chosenScopes: string[];
  onScopesChange: (scopes: string[]) => void;
}

/**
 * An account token's scopes, by a preset of the catalogue or one by one. Only what the signed-in
 * person's own scopes cover is offered (the API refuses the rest anyway: no escalation).
 */
export function AccountScopeChoice(props: AccountScopeChoiceProps) {
  const { presets, scopes, source } = props;
  return (
    <>
      <RadioChoice
        label="Choose the scopes"
        value={source}
        onChange={(value) => props.onSourceChange(value === 'scopes' ? 'scopes' : 'preset')}
        options={[
          { id: 'preset', label: 'From a preset' },
          { id: 'scopes', label: 'One by one' },
        ]}
      />
      {source === 'preset' ? (
        <RadioChoice
          label="Preset"
          name="preset"
          isRequired
          value={props.preset}
          onChange={props.onPresetChange}
          options={presets.map((preset) => ({
            id: preset.id,
            label: <code>{preset.id}</code>,
            description: `${preset.description} Scopes: ${preset.scopes.join(' ')}`,
          }))}
          description={presets.length === 0 ? 'None of the presets is within your own scopes.' : undefined}
        />
      ) : (
        <CheckboxGroup
          label="Scopes"
          name="scopes"
          options={scopes.map((entry) => ({ id: entry.scope, label: entry.scope, description: entry.description }))}
          value={props.chosenScopes}
          onChange={props.onScopesChange}
          description="Only the scopes you hold yourself are offered."
        />
      )}
    </>
  );
}

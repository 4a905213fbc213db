import { useCallback, useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { ApiError } from '@console/api/problem';
import type { Campaign, CampaignFilter } from '@console/campaigns/campaign-queries';
import { ConditionBuilder } from '@console/filters/builder/condition-builder';
import { checkDraft } from '@console/filters/model/condition-checks';
import { emptyCondition, type GroupDraft } from '@console/filters/model/condition-draft';
import { placeApiErrors, problemsByNode } from '@console/filters/model/condition-errors';
import { draftFromApi, toApiCondition } from '@console/filters/model/condition-json';
import { Button } from '@console/ui/button';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { TextField } from '@console/ui/text-field';
import { type FilterChanges, useFilterPreview, useSaveFilter } from './filter-queries';
import { FilterPreviewPanel } from './filter-preview';

/** The API's `errors` of a refused call, when it was about the condition now on screen. */
function errorsAbout(error: unknown, sentJson: string | null, currentJson: string | null) {
  if (!(error instanceof ApiError) || sentJson === null || sentJson !== currentJson) return [];
  return error.problem?.errors ?? [];
}

export interface FilterEditorProps {
  campaign: Campaign;
  /** The filter to change, or null for a new one. */
  filter: CampaignFilter | null;
  onDone: (saved: string | null) => void;
}

/** New filter or a change to one: its name, the condition builder and, beside it, the live preview. */
export function FilterEditor({ campaign, filter, onDone }: FilterEditorProps) {
  const [name, setName] = useState(filter?.name ?? '');
  const stored = useMemo(() => (filter ? draftFromApi(filter.condition) : null), [filter]);
  const [draft, setDraft] = useState<GroupDraft>(() => stored ?? emptyCondition());
  const [triedToSave, setTriedToSave] = useState(false);
  const save = useSaveFilter(campaign.id, filter?.id ?? null);

  const checks = useMemo(() => checkDraft(draft, campaign), [draft, campaign]);
  const conditionJson = checks.length === 0 ? JSON.stringify(toApiCondition(draft, campaign)) : null;
  const preview = useFilterPreview(campaign.id, conditionJson, filter?.id ?? null);
  const sentJson = save.variables?.condition ? JSON.stringify(save.variables.condition) : null;
  const placed = placeApiErrors(draft, [
    ...errorsAbout(save.error, sentJson, conditionJson),
    ...errorsAbout(preview.query.error, preview.settledJson, conditionJson),
  ]);
  const problems = problemsByNode([...placed.problems, ...(triedToSave ? checks : [])]);
  const onChange = useCallback((root: GroupDraft) => setDraft(root), []);

  const storedJson = useMemo(
    () =>
      stored && checkDraft(stored, campaign).length === 0 ? JSON.stringify(toApiCondition(stored, campaign)) : null,
    [stored, campaign],
  );

  const submit = () => {
    setTriedToSave(true);
    if (conditionJson === null) return;
    const changes: FilterChanges = {};
    if (!filter || name.trim() !== filter.name) changes.name = name;
    if (!filter || conditionJson !== storedJson) changes.condition = toApiCondition(draft, campaign);
    if (Object.keys(changes).length === 0) return onDone(null);
    save.mutate(changes, { onSuccess: (saved) => onDone(`Filter “${saved.name}” saved.`) });
  };

  return (
    <div className="filter-editor">
      <Form
        className="filter-form"
        validationErrors={validationErrorsOf(save.error, ['name'])}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField
          label="Name"
          name="name"
          isRequired
          autoFocus={!filter}
          value={name}
          onChange={setName}
          maxLength={200}
        />
        <fieldset className="condition-fieldset">
          <legend>Condition</legend>
          {filter && !stored && (
            <p className="warning">
              The stored condition cannot be shown in this builder. Build it again here: Save replaces it.
            </p>
          )}
          <ConditionBuilder schema={campaign} value={draft} onChange={onChange} problems={problems} />
        </fieldset>
        {triedToSave && checks.length > 0 && (
          <p role="alert" className="alert">
            The condition is not complete: {checks.length === 1 ? 'one problem is' : `${checks.length} problems are`}{' '}
            marked above.
          </p>
        )}
        <ProblemAlert error={save.error} shownPaths={['name', ...placed.placedPaths]} />
        <div className="form-actions">
          <Button onPress={() => onDone(null)}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={save.isPending}>
            Save
          </Button>
        </div>
      </Form>
      <FilterPreviewPanel
        campaignId={campaign.id}
        filterId={filter?.id ?? null}
        isComplete={conditionJson !== null}
        preview={preview}
      />
    </div>
  );
}

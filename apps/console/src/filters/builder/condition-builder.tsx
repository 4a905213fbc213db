import { useMemo, useState } from 'react';
import type { CampaignSchema, GroupDraft } from '@console/filters/model/condition-draft';
import type { Slot } from '@console/filters/model/condition-checks';
import { nodeNumbers } from '@console/filters/model/condition-edits';
import { BuilderContext, type BuilderState } from './builder-context';
import { GroupEditor } from './group-editor';

export interface ConditionBuilderProps {
  schema: CampaignSchema;
  value: GroupDraft;
  onChange: (root: GroupDraft) => void;
  problems: ReadonlyMap<string, Partial<Record<Slot, string>>>;
}

/** The filter condition as nested groups of conditions, built from the campaign's real schema. */
export function ConditionBuilder({ schema, value, onChange, problems }: ConditionBuilderProps) {
  const [focusId, requestFocus] = useState<string | null>(null);
  const state = useMemo<BuilderState>(
    () => ({ schema, root: value, change: onChange, problems, numbers: nodeNumbers(value), focusId, requestFocus }),
    [schema, value, onChange, problems, focusId],
  );
  return (
    <BuilderContext.Provider value={state}>
      <GroupEditor group={value} parentId={null} />
    </BuilderContext.Provider>
  );
}

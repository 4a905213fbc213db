import { createContext, useContext, useEffect, useRef } from 'react';
import type { CampaignSchema, GroupDraft } from '@console/filters/model/condition-draft';
import type { Slot } from '@console/filters/model/condition-checks';

export interface BuilderState {
  schema: CampaignSchema;
  root: GroupDraft;
  change: (root: GroupDraft) => void;
  /** Messages to show beside each node's controls (the API's errors and, after a save attempt, the checks). */
  problems: ReadonlyMap<string, Partial<Record<Slot, string>>>;
  /** "1", "2.1": each node's place, for labels ("Condition 2.1"). */
  numbers: ReadonlyMap<string, string>;
  /** The node whose first control takes focus next (a node just added, a group whose member was removed). */
  focusId: string | null;
  requestFocus: (id: string | null) => void;
}

export const BuilderContext = createContext<BuilderState | null>(null);

export function useBuilder(): BuilderState {
  const state = useContext(BuilderContext);
  if (!state) throw new Error('useBuilder outside ConditionBuilder');
  return state;
}

/**
 * Moves focus to the first button (or `selector`) inside the returned element when the builder asks for this node,
 * so a keyboard user lands on what was just added, or near what was just removed.
 */
export function useFocusWhenRequested<T extends HTMLElement>(id: string, selector = 'button:not([disabled])') {
  const { focusId, requestFocus } = useBuilder();
  const ref = useRef<T>(null);
  useEffect(() => {
    if (focusId !== id) return;
    ref.current?.querySelector<HTMLElement>(selector)?.focus();
    requestFocus(null);
  }, [focusId, id, requestFocus, selector]);
  return ref;
}

import { ApiError } from '@console/api/problem';
import { validationErrorsOf } from '@console/ui/problem-alert';
import {
  choiceControlName,
  fieldAccessErrors,
  type FieldAccessErrors,
  type FieldAccessSet,
} from './field-access-model';

const NONE: FieldAccessErrors = Object.freeze({ byKey: {}, others: [] });

interface Placed {
  /** Form `validationErrors`: the form's own names and each field's choice. */
  validationErrors: Record<string, string>;
  /** Field-access messages that name no field of the form, for the section to list. */
  others: readonly string[];
}

const placedOf = new WeakMap<ApiError, Map<string, Placed>>();

/**
 * A refused token call's `errors`, placed beside the form's controls and the field-access choices.
 * The same objects for the same error (see validationErrorsOf: React Aria shows server errors again
 * whenever `validationErrors` is a new object). `sent` is the field access of the refused call.
 */
export function tokenFormErrors(
  error: unknown,
  names: readonly string[],
  sent: Partial<FieldAccessSet> | undefined,
): Placed {
  const base = validationErrorsOf(error, names);
  if (!(error instanceof ApiError)) return { validationErrors: base, others: NONE.others };
  const key = names.join('\n');
  const byNames = placedOf.get(error) ?? new Map<string, Placed>();
  placedOf.set(error, byNames);
  let placed = byNames.get(key);
  if (!placed) {
    const access = fieldAccessErrors(error.problem?.errors ?? [], sent);
    const validationErrors = { ...base };
    for (const [field, message] of Object.entries(access.byKey)) validationErrors[choiceControlName(field)] = message;
    placed = { validationErrors, others: access.others };
    byNames.set(key, placed);
  }
  return placed;
}

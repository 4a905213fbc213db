import { useMemo } from 'react';
import { validationErrorsOf } from '@console/ui/problem-alert';

/**
 * The API's errors for a form's fields (`validationErrorsOf`), the same object until the error
 * changes. React Aria shows server errors again whenever the Form's `validationErrors` is a new
 * object, so a fresh one on every render would bring back an error the person has already fixed and
 * keep the form from submitting (a native custom validity stays set). `fields` must be a constant.
 */
export function useApiFieldErrors(error: unknown, fields: readonly string[]): Record<string, string> {
  return useMemo(() => validationErrorsOf(error, fields), [error, fields]);
}

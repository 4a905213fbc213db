import { ApiError, errorMessage } from '@console/api/problem';

/** What went wrong with a call, in the API's words, plus any `errors` no form field shows. */
export function ProblemAlert({ error, shownPaths = [] }: { error: unknown; shownPaths?: readonly string[] }) {
  if (!error) return null;
  const others = error instanceof ApiError ? error.otherErrors(shownPaths) : [];
  return (
    <div role="alert" className="alert">
      <p>{errorMessage(error)}</p>
      {others.length > 0 && (
        <ul>
          {others.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const NO_ERRORS: Record<string, string> = Object.freeze({});
const answered = new WeakMap<ApiError, Map<string, Record<string, string>>>();

/**
 * The API's `errors`, keyed by the form control names that show them (React Aria Form
 * validationErrors). The same object for the same error and names: React Aria shows server errors
 * again whenever `validationErrors` is a new object, so a fresh one on every render would bring
 * back an error the person has already fixed and keep the form from submitting.
 */
export function validationErrorsOf(error: unknown, names: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return NO_ERRORS;
  const key = names.join('\n');
  const byNames = answered.get(error) ?? new Map<string, Record<string, string>>();
  answered.set(error, byNames);
  let found = byNames.get(key);
  if (!found) {
    found = {};
    for (const name of names) {
      const message = error.fieldError(name);
      if (message) found[name] = message;
    }
    byNames.set(key, found);
  }
  return found;
}

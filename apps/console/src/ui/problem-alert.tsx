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

/** The API's `errors`, keyed by the form control names that show them (React Aria Form validationErrors). */
export function validationErrorsOf(error: unknown, names: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const found: Record<string, string> = {};
  for (const name of names) {
    const message = error.fieldError(name);
    if (message) found[name] = message;
  }
  return found;
}

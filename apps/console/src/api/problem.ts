import type { components } from './admin-api';

export type Problem = components['schemas']['Problem'];

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/** A refused call: what the API said, ready to show beside the form fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `The server answered ${status}.`);
  }

  /** The API's message for one field (`errors[].path`), for the form control that holds it. */
  fieldError(path: string): string | undefined {
    return this.problem?.errors?.find((entry) => entry.path === path || entry.path.startsWith(`${path}.`))?.message;
  }

  /** Errors that no form control shows (listed above the form). */
  otherErrors(shownPaths: readonly string[]): string[] {
    const errors = this.problem?.errors ?? [];
    return errors
      .filter((entry) => !shownPaths.some((path) => entry.path === path || entry.path.startsWith(`${path}.`)))
      .map((entry) => (entry.path ? `${entry.path}: ${entry.message}` : entry.message));
  }
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong.';

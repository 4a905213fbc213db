/** One problem with a filter, addressed like the API's problem details (`condition.all.0.value`). */
export interface FilterError {
  path: string;
  message: string;
}

/** Thrown when a condition that was never validated, or no longer fits its schema, reaches a backend. */
export class InvalidFilterError extends Error {
  constructor(readonly errors: FilterError[]) {
    super(`invalid filter condition: ${errors.map((error) => `${error.path} ${error.message}`).join('; ')}`);
    this.name = 'InvalidFilterError';
  }
}

import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit';

export function validationProblem(errors: { path: string; message: string }[]): ProblemException {
  return new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'validation_failed',
    'Validation failed',
    'The request body has problems; see errors.',
    errors,
  );
}

/** Expiry must be in the future (a token born expired is a mistake, not a request). */
export function expiryProblems(expiresAt: string | null | undefined): { path: string; message: string }[] {
  if (expiresAt && Date.parse(expiresAt) <= Date.now()) {
    return [{ path: 'expires_at', message: 'must be in the future' }];
  }
  return [];
}

import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit/errors/problem';
import { Principal } from '@leadgate/service-kit/internal-auth/principal';

/** When the request's caller must have its answer (Unix ms), or null when no deadline travelled. */
export function deadlineOf(principal: Principal): number | null {
  return principal.deadline ?? null;
}

/** True once the deadline has passed: work that would commit must not start. */
export function deadlinePassed(deadline: number | null, now = Date.now()): boolean {
  return deadline !== null && now >= deadline;
}

/** The answer of a request whose deadline passed before anything of it was committed. */
export function deadlineExceeded(): ProblemException {
  return new ProblemException(
    HttpStatus.GATEWAY_TIMEOUT,
    'timeout',
    'Deadline exceeded',
    'The request could not be carried out in time; nothing of it was stored. Retry it.',
  );
}

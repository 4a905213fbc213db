import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit';
import { TokenRefusal } from './token-verifier';

const DETAILS: Record<TokenRefusal | 'missing', string> = {
  missing: 'This call needs an Authorization: Bearer token.',
  malformed: 'The token is malformed.',
  unknown: 'The token is not valid.',
  wrong_secret: 'The token is not valid.',
  revoked: 'The token has been revoked.',
  expired: 'The token has expired.',
  credential_disabled: 'The client credential of this token is disabled.',
};

/** 401 with the RFC 6750 challenge API.md §2 asks for; the detail never says whether an id exists. */
export function invalidToken(reason: TokenRefusal | 'missing'): ProblemException {
  return new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_token', 'Invalid token', DETAILS[reason], undefined, {
    'WWW-Authenticate': `Bearer realm="leadgate", error="invalid_token", error_description="${DETAILS[reason]}"`,
  });
}

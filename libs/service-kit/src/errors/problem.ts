import { HttpException, HttpStatus } from '@nestjs/common';

export interface ProblemError {
  path: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ProblemError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const TYPE_BASE = 'https://leadgate.dev/problems/';

/** Throw this from any handler to answer an RFC 9457 problem with a stable type. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly problemType: string,
    readonly title: string,
    detail: string,
    readonly errors?: ProblemError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail, status);
  }
}

export function problemTypeUri(type: string): string {
  return `${TYPE_BASE}${type}`;
}

/** Default problem types for statuses that no handler named explicitly. */
export const DEFAULT_PROBLEM_TYPES: Record<number, [string, string]> = {
  400: ['bad_request', 'Bad request'],
  401: ['unauthorized', 'Authentication required'],
  403: ['forbidden', 'Forbidden'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  412: ['precondition_failed', 'Precondition failed'],
  413: ['payload_too_large', 'Request body too large'],
  415: ['unsupported_media_type', 'Unsupported media type'],
  422: ['validation_failed', 'Validation failed'],
  429: ['rate_limited', 'Too many requests'],
  500: ['internal', 'Internal error'],
  503: ['unavailable', 'Service unavailable'],
  504: ['timeout', 'Deadline exceeded'],
};

/**
 * 401 for a token a service's own read model no longer holds live (revoked, expired, unknown there),
 * though the gateway let it through a moment ago: the answer the gateway gives for the same token.
 */
export function invalidTokenProblem(detail = 'The token is not valid.'): ProblemException {
  return new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_token', 'Invalid token', detail, undefined, {
    'WWW-Authenticate': 'Bearer realm="leadgate", error="invalid_token"',
  });
}

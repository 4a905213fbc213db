import { CanActivate, createParamDecorator, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { bodyDigestOf } from '@leadgate/service-kit/bootstrap/body-parsing';
import { deadlineExceeded, deadlineOf, deadlinePassed } from '@leadgate/service-kit/deadline/request-deadline';
import { ProblemException } from '@leadgate/service-kit/errors/problem';
import { Principal, PRINCIPAL_HEADER, SIGNATURE_HEADER } from './principal';
import { PrincipalVerifier } from './principal-verifier';

type RequestWithPrincipal = Request & { principal?: Principal };

/**
 * Services accept only requests that the gateway signed for exactly this method, path with query and
 * body. Anything else — a caller that reached a service port directly, a replayed or forged header,
 * a body or query changed on the way — is refused before any handler runs. So is a request whose
 * signed deadline has passed (504, ADR 021): its caller has its answer already, so nothing starts.
 */
@Injectable()
export class InternalPrincipalGuard implements CanActivate {
  constructor(private readonly verifier: PrincipalVerifier) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const principal = this.verifier.verify(
      { method: request.method, pathWithQuery: request.originalUrl, bodyDigest: bodyDigestOf(request) },
      request.headers[PRINCIPAL_HEADER],
      request.headers[SIGNATURE_HEADER],
    );
    if (!principal) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'unauthorized',
        'Authentication required',
        'This endpoint is reached through the gateway only.',
      );
    }
    if (deadlinePassed(deadlineOf(principal))) throw deadlineExceeded();
    request.principal = principal;
    return true;
  }
}

/** The verified principal of the current request (use with InternalPrincipalGuard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentPrincipal used without InternalPrincipalGuard');
  return principal;
});

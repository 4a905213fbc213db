import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { invalidToken } from './invalid-token';
import { AuthenticatedToken } from './token-verifier';

/** Passport's bearer guard with our errors: problem+json 401 and the WWW-Authenticate challenge. */
@Injectable()
export class BearerAuthGuard extends AuthGuard('bearer') {
  override handleRequest<T = AuthenticatedToken>(error: unknown, token: T | false): T {
    if (error) throw error instanceof Error ? error : new Error('bearer authentication failed');
    if (!token) throw invalidToken('missing');
    return token;
  }
}

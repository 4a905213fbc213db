import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { invalidToken } from './invalid-token';
import { AuthenticatedToken, TokenVerifier } from './token-verifier';

/** passport-http-bearer, verifying with the local read models (no call to identity per request). */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly verifier: TokenVerifier) {
    super();
  }

  validate(token: string): AuthenticatedToken {
    const result = this.verifier.verify(token);
    if (!result.ok) throw invalidToken(result.reason);
    return result.token;
  }
}

import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { GatewayConfig } from '@gateway/config';
import { AuthFailureWindows } from './auth-failure-window';

/**
 * Slows down token guessing: after AUTH_FAILURE_LIMIT_PER_MINUTE refused tokens from one client
 * address, that address gets 429 with Retry-After for the rest of the minute, and no token it
 * presents is checked meanwhile.
 */
@Injectable()
export class AuthFailureThrottle {
  private readonly windows: AuthFailureWindows;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    this.windows = new AuthFailureWindows(config.AUTH_FAILURE_LIMIT_PER_MINUTE);
  }

  /** Throws 429 when the address has used up its failed attempts for this window. */
  enforce(address: string): void {
    const decision = this.windows.check(address);
    if (decision.allowed) return;
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      'too_many_failed_authentications',
      'Too many failed authentications',
      `Too many refused tokens from this address; retry after ${decision.retryAfterSeconds} s.`,
      undefined,
      { 'Retry-After': String(decision.retryAfterSeconds) },
    );
  }

  recordFailure(address: string): void {
    this.windows.recordFailure(address);
  }
}

import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { GatewayConfig } from '@gateway/config';

/**
 * Requests one token may have in progress at once, across the routes it calls: one partner's
 * backlog (many batches at once) cannot take every place the services have. Over the limit: 429
 * with Retry-After, before anything is forwarded.
 */
@Injectable()
export class InFlightLimits {
  private readonly inFlight = new Map<string, number>();

  constructor(@Inject(SERVICE_CONFIG) private readonly config: GatewayConfig) {}

  /** Takes a place for the token's request; call the answer once it is done. */
  enter(tokenId: string): () => void {
    const now = this.inFlight.get(tokenId) ?? 0;
    const limit = this.config.TOKEN_CONCURRENCY_LIMIT;
    if (now >= limit) {
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        'concurrency_limited',
        'Too many requests in progress',
        `This token may have ${limit} requests in progress at once; retry when one has been answered.`,
        undefined,
        { 'Retry-After': '1' },
      );
    }
    this.inFlight.set(tokenId, now + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const remaining = (this.inFlight.get(tokenId) ?? 1) - 1;
      if (remaining > 0) this.inFlight.set(tokenId, remaining);
      else this.inFlight.delete(tokenId);
    };
  }
}

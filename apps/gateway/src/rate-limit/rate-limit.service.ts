import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';
import { ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { Caller } from '@gateway/auth/caller';
import { GatewayConfig } from '@gateway/config';
import { TokenUsageRecorder } from '@gateway/usage/token-usage.recorder';
import { RateUsageSharing } from './shared/rate-usage-sharing';
import { BucketDecision, TokenBuckets } from './token-bucket';

/** Where the RateLimit headers go: Node's response under either adapter. */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * Per-token rate limits (the token's own, else the account's default, else the platform's) and per-address limits for
 * anonymous calls. Answers with the IETF RateLimit headers; 429 with Retry-After when exhausted.
 * A token's budget is one 60 s window shared by every gateway replica (ADR 027); an address's is a
 * token bucket of this replica alone. Also the one place a request is counted as a use of its token.
 */
@Injectable()
export class RateLimitService {
  private readonly buckets = new TokenBuckets();

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly usage: TokenUsageRecorder,
    private readonly readModels: ReadModels,
    private readonly sharing: RateUsageSharing,
  ) {}

  /** The token's own limit, else its account's default, else the platform's. */
  limitFor(token: Caller): number {
    const account = this.readModels.of(TOPICS.identityAccounts).get(token.account_id);
    return token.rate_limit_per_minute ?? account?.default_rate_limit_per_minute ?? this.config.RATE_LIMIT_PER_MINUTE;
  }

  enforceForToken(token: Caller, response: HeaderSink | undefined): void {
    // A person's use is reported as their session's: it keeps the session from going idle.
    this.usage.record(token.kind === 'user' ? token.session_id : token.id);
    const limit = this.limitFor(token);
    this.apply(this.sharing.counts.take(token.id, limit), response);
  }

  enforceForAddress(address: string, response: HeaderSink | undefined): void {
    this.apply(this.buckets.take(`address:${address}`, this.config.ANONYMOUS_RATE_LIMIT_PER_MINUTE), response);
  }

  private apply(decision: BucketDecision, response: HeaderSink | undefined): void {
    if (!decision.allowed) {
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        'rate_limited',
        'Too many requests',
        `This token may make ${decision.limit} requests a minute; retry after ${decision.retryAfterSeconds} s.`,
        undefined,
        { ...rateLimitHeaders(decision), 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
    if (!response) return;
    // Set one by one: the per-request path builds no header object.
    response.setHeader('RateLimit-Limit', String(decision.limit));
    response.setHeader('RateLimit-Remaining', String(decision.remaining));
    response.setHeader('RateLimit-Reset', String(decision.resetSeconds));
    response.setHeader('RateLimit-Policy', `${decision.limit};w=60`);
  }
}

/** The IETF RateLimit headers of a decision. */
function rateLimitHeaders(decision: BucketDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
    'RateLimit-Policy': `${decision.limit};w=60`,
  };
}

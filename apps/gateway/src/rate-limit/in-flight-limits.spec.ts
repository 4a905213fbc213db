import { ProblemException } from '@leadgate/service-kit';
import { GatewayConfig } from '@gateway/config';
import { InFlightLimits } from './in-flight-limits';

describe('InFlightLimits', () => {
  const limits = () => new InFlightLimits({ TOKEN_CONCURRENCY_LIMIT: 2 } as GatewayConfig);

  it('lets a token have up to its limit in progress, then answers 429 with Retry-After', () => {
    const subject = limits();
    const first = subject.enter('tok_a');
    subject.enter('tok_a');
    let refusal: unknown;
    try {
      subject.enter('tok_a');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ProblemException);
    expect((refusal as ProblemException).getStatus()).toBe(429);
    expect((refusal as ProblemException).headers).toEqual({ 'Retry-After': '1' });
    // Other tokens are not affected; a place given back (once, however often it is called) is free again.
    expect(() => subject.enter('tok_b')).not.toThrow();
    first();
    first();
    expect(() => subject.enter('tok_a')).not.toThrow();
    expect(() => subject.enter('tok_a')).toThrow(ProblemException);
  });
});

import { tokenRateLimit } from './token-rate-limit';

describe('tokenRateLimit', () => {
  it("takes the token's own limit first, then the account's default, then the platform's", () => {
    expect(tokenRateLimit({ rate_limit_per_minute: 60 }, { default_rate_limit_per_minute: 600 }, 1200)).toBe(60);
    expect(tokenRateLimit({ rate_limit_per_minute: null }, { default_rate_limit_per_minute: 600 }, 1200)).toBe(600);
    expect(tokenRateLimit({ rate_limit_per_minute: null }, { default_rate_limit_per_minute: null }, 1200)).toBe(1200);
    expect(tokenRateLimit({ rate_limit_per_minute: null }, undefined, 1200)).toBe(1200);
  });
});

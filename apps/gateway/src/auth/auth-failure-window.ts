interface AddressWindow {
  startedAt: number;
  failures: number;
}

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Failed authentications per client address in fixed one-minute windows. Once an address has
 * failed `limit` times in its window, it may not try again until the window ends. Successes are
 * not counted. In memory per gateway replica; ended windows are forgotten.
 */
export class AuthFailureWindows {
  private readonly windows = new Map<string, AddressWindow>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly maxAddresses = 100_000,
  ) {}

  check(address: string, now = Date.now()): AttemptDecision {
    const window = this.current(address, now);
    if (!window || window.failures < this.limit) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)),
    };
  }

  recordFailure(address: string, now = Date.now()): void {
    const window = this.current(address, now);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= this.maxAddresses) this.forgetEnded(now);
    // Still full of live windows (a flood from many addresses): the oldest entry goes first.
    if (this.windows.size >= this.maxAddresses) this.windows.delete(this.windows.keys().next().value as string);
    this.windows.set(address, { startedAt: now, failures: 1 });
  }

  private current(address: string, now: number): AddressWindow | undefined {
    const window = this.windows.get(address);
    if (window && now - window.startedAt >= this.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  private forgetEnded(now: number): void {
    for (const [address, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(address);
    }
  }
}

import { BucketDecision } from '@gateway/rate-limit/token-bucket';

export const WINDOW_MS = 60_000;

/** One token's count in its current window, here and as heard from the other replicas. */
interface TokenWindow {
  /** Fixed per token: windows start at a token-specific phase, so budgets do not all renew at :00. */
  phase: number;
  windowStart: number;
  /** Admitted by this replica in the window. */
  own: number;
  /** `own` when it was last handed out for publishing. */
  handedOut: number;
  /** Sum of the other replicas' latest counts for this window. */
  others: number;
  /** The limit last applied, and the window's total when it changed: a new limit starts afresh. */
  limit: number;
  baseline: number;
  /** Each other replica's latest (largest) count for this window. */
  peers: Map<string, number> | undefined;
}

/** One count for the topic: `taken` requests admitted by this replica in the token's window. */
export interface WindowCount {
  token_id: string;
  window_start: number;
  taken: number;
}

/**
 * Fixed 60 s windows per token whose budget all gateway replicas share (ADR 027): a request is
 * admitted while this replica's own count plus what the others reported stays under the limit.
 * The per-request path is a Map lookup and two additions; counts go out in batches (`changed`)
 * and come in from the topic (`heard`). Counts are cumulative per window, so a report heard twice
 * or late changes nothing.
 */
export class SharedWindowCounts {
  private readonly windows = new Map<string, TokenWindow>();
  /** Tokens whose own count moved since the last `changed()`. */
  private dirty: string[] = [];
  /** Final counts of windows that ended before they were handed out. */
  private finals: WindowCount[] = [];

  constructor(
    private readonly replica: string,
    private readonly maxTokens = 100_000,
  ) {}

  take(tokenId: string, limit: number, now = Date.now()): BucketDecision {
    const window = this.current(tokenId, now);
    if (window.limit !== limit) {
      // As the token bucket did: an admin who changes a limit (even lowers the account default
      // their own token falls under) gets the new budget now, not after what the old one spent.
      if (window.limit !== 0) window.baseline = window.own + window.others;
      window.limit = limit;
    }
    const used = window.own + window.others - window.baseline;
    const allowed = used < limit;
    if (allowed) {
      if (window.own === window.handedOut) this.dirty.push(tokenId);
      window.own += 1;
    }
    const resetSeconds = Math.max(1, Math.ceil((window.windowStart + WINDOW_MS - now) / 1000));
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - used - (allowed ? 1 : 0)),
      resetSeconds,
      retryAfterSeconds: allowed ? 0 : resetSeconds,
    };
  }

  /** Another replica's count for a token's window; our own reports (read back) are ignored. */
  heard(replica: string, count: WindowCount, now = Date.now()): void {
    if (replica === this.replica) return;
    const window = this.current(count.token_id, now);
    // An ended window is of no use; a later one means our clock is behind theirs: follow it.
    if (count.window_start < window.windowStart) return;
    if (count.window_start > window.windowStart) this.roll(count.token_id, window, count.window_start);
    const peers = (window.peers ??= new Map<string, number>());
    const before = peers.get(replica) ?? 0;
    if (count.taken <= before) return;
    peers.set(replica, count.taken);
    window.others += count.taken - before;
  }

  /** The counts that changed since the last call, to publish; marks them handed out. */
  changed(): WindowCount[] {
    const counts = this.finals;
    this.finals = [];
    for (const tokenId of this.dirty) {
      const window = this.windows.get(tokenId);
      if (!window || window.own === window.handedOut) continue;
      window.handedOut = window.own;
      counts.push({ token_id: tokenId, window_start: window.windowStart, taken: window.own });
    }
    this.dirty = [];
    return counts;
  }

  /** Forgets tokens whose window ended long enough ago that no late report can matter. */
  forgetEnded(now = Date.now()): void {
    for (const [tokenId, window] of this.windows) {
      if (window.windowStart + 2 * WINDOW_MS < now && window.own === window.handedOut) this.windows.delete(tokenId);
    }
  }

  get size(): number {
    return this.windows.size;
  }

  private current(tokenId: string, now: number): TokenWindow {
    let window = this.windows.get(tokenId);
    if (!window) {
      const phase = phaseOf(tokenId);
      window = {
        phase,
        windowStart: windowStartOf(phase, now),
        own: 0,
        handedOut: 0,
        others: 0,
        limit: 0,
        baseline: 0,
        peers: undefined,
      };
      this.remember(tokenId, window);
      return window;
    }
    const start = windowStartOf(window.phase, now);
    if (start > window.windowStart) this.roll(tokenId, window, start);
    return window;
  }

  /** Moves a token to a later window, keeping the ended window's last count for publishing. */
  private roll(tokenId: string, window: TokenWindow, start: number): void {
    if (window.own > window.handedOut) {
      this.finals.push({ token_id: tokenId, window_start: window.windowStart, taken: window.own });
    }
    window.windowStart = start;
    window.own = 0;
    window.handedOut = 0;
    window.others = 0;
    window.baseline = 0;
    window.peers = undefined;
  }

  private remember(tokenId: string, window: TokenWindow): void {
    if (this.windows.size >= this.maxTokens) {
      // Forget the oldest token (Map keeps insertion order): a bound on memory under a flood of tokens.
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    this.windows.set(tokenId, window);
  }
}

/** Where in the minute a token's windows start: the same on every replica (FNV-1a of the id). */
export function phaseOf(tokenId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < tokenId.length; index++) {
    hash ^= tokenId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % WINDOW_MS;
}

export function windowStartOf(phase: number, now: number): number {
  return Math.floor((now - phase) / WINDOW_MS) * WINDOW_MS + phase;
}

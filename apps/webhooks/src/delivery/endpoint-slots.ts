/**
 * A subscription known to post to a full endpoint is looked up again after this long, and any other
 * entry is forgotten: a subscription moved off a full endpoint waits at most this long, and the book
 * holds only subscriptions seen lately (plus those of endpoints full right now).
 */
export const ENDPOINT_RECHECK_MS = 5000;

interface Known {
  endpoint: string;
  learnedAt: number;
}

/**
 * The worker's per-endpoint limit, kept so the due scan can leave out what it may not send: how many
 * deliveries each endpoint (URL) has in flight from this replica, and which endpoint each subscription
 * posts to, as its last lookup said. Subscriptions sharing a URL share its places, so all of them are
 * held back while it is full. Without this, an endpoint that hangs with a backlog older than everyone
 * else's filled every scan with jobs that could only be skipped (issue 20).
 */
export class EndpointSlots {
  private readonly inFlight = new Map<string, number>();
  private readonly endpointOf = new Map<string, Known>();

  constructor(private readonly perEndpoint: number) {}

  /** What a lookup of the subscription said: it posts to `endpoint`, or it is gone (null). */
  learn(subscriptionId: string, endpoint: string | null, now: number): void {
    if (endpoint === null) this.endpointOf.delete(subscriptionId);
    else this.endpointOf.set(subscriptionId, { endpoint, learnedAt: now });
  }

  isFull(endpoint: string): boolean {
    return (this.inFlight.get(endpoint) ?? 0) >= this.perEndpoint;
  }

  take(endpoint: string): void {
    this.inFlight.set(endpoint, (this.inFlight.get(endpoint) ?? 0) + 1);
  }

  release(endpoint: string): void {
    const left = (this.inFlight.get(endpoint) ?? 1) - 1;
    if (left > 0) this.inFlight.set(endpoint, left);
    else this.inFlight.delete(endpoint);
  }

  /** The subscriptions whose endpoint is full: the due scan leaves their jobs out. */
  heldBack(): string[] {
    const held: string[] = [];
    for (const [subscriptionId, known] of this.endpointOf) if (this.isFull(known.endpoint)) held.push(subscriptionId);
    return held;
  }

  /**
   * Forgets entries older than ENDPOINT_RECHECK_MS whose endpoint has room (the scan looks them up
   * again if they have due jobs), and answers those whose endpoint is full: look them up again now.
   */
  toRecheck(now: number): string[] {
    const again: string[] = [];
    for (const [subscriptionId, known] of this.endpointOf) {
      if (now - known.learnedAt < ENDPOINT_RECHECK_MS) continue;
      if (this.isFull(known.endpoint)) again.push(subscriptionId);
      else this.endpointOf.delete(subscriptionId);
    }
    return again;
  }

  /** How many subscriptions are known (for tests: the book stays bounded). */
  get knownSubscriptions(): number {
    return this.endpointOf.size;
  }
}

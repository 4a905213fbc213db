export interface BucketDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again (RateLimit-Reset). */
  resetSeconds: number;
  /** Seconds until one request is allowed again (Retry-After), 0 when allowed. */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  capacity: number;
}

/**
 * Token buckets, one per key: `perMinute` requests a minute on average, bursts up to `perMinute`.
 * In memory per gateway replica; idle buckets are forgotten so memory follows active callers.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly maxKeys = 100_000) {}

  take(key: string, perMinute: number, now = Date.now()): BucketDecision {
    const refillPerMs = perMinute / 60_000;
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.capacity !== perMinute) {
      bucket = { tokens: perMinute, updatedAt: now, capacity: perMinute };
      this.remember(key, bucket);
    }
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    return {
      allowed,
      limit: perMinute,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil((perMinute - bucket.tokens) / refillPerMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)),
    };
  }

  private remember(key: string, bucket: Bucket): void {
    if (this.buckets.size >= this.maxKeys) {
      // Forget the oldest key (Map keeps insertion order); a forgotten caller starts with a full bucket.
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    this.buckets.set(key, bucket);
  }
}

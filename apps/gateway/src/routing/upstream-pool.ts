/** One replica of a service: its base URL and whether it is in rotation. */
export interface Replica {
  readonly url: URL;
  healthy: boolean;
}

/**
 * The replicas of one service and which of them take traffic. Picks round-robin over the healthy
 * replicas; when none is healthy it picks from all of them (a "panic" mode, as Envoy has), so a
 * single-URL pool always tries its one replica, exactly as before pools existed, and a pool whose
 * health checks fail for a reason of their own still forwards rather than answering 503 outright.
 */
export class UpstreamPool {
  readonly replicas: readonly Replica[];
  private cursor = 0;

  constructor(
    readonly name: string,
    urls: readonly string[],
  ) {
    if (urls.length === 0) throw new Error(`upstream ${name} needs at least one URL`);
    // In rotation until the first check says otherwise: a gateway that starts is usable at once.
    this.replicas = urls.map((url) => ({ url: new URL(url), healthy: true }));
  }

  /**
   * The next replica to try, round-robin, skipping those this request has already tried; undefined
   * when every replica has been tried. Healthy replicas come first; the others only when no untried
   * replica is healthy (panic mode, or a last resort after every healthy one failed).
   */
  pick(tried: ReadonlySet<Replica> = new Set()): Replica | undefined {
    const untried = this.replicas.filter((replica) => !tried.has(replica));
    const healthy = untried.filter((replica) => replica.healthy);
    const candidates = healthy.length > 0 ? healthy : untried;
    if (candidates.length === 0) return undefined;
    const chosen = candidates[this.cursor % candidates.length];
    this.cursor = (this.cursor + 1) % Number.MAX_SAFE_INTEGER;
    return chosen;
  }

  /** Out of rotation after a refused or reset connection, until the next health check says ready. */
  eject(replica: Replica): boolean {
    return this.setHealthy(replica, false);
  }

  /** Applies a health check result; true when it changed the replica's state. */
  setHealthy(replica: Replica, healthy: boolean): boolean {
    if (replica.healthy === healthy) return false;
    replica.healthy = healthy;
    return true;
  }

  healthyCount(): number {
    return this.replicas.filter((replica) => replica.healthy).length;
  }
}

/** One replica of a service: its base URL, whether it is in rotation, and how loaded it is. */
export interface Replica {
  readonly url: URL;
  healthy: boolean;
  /** Said so by its readiness, or answered 503 `saturated` since: it takes work only when the others cannot. */
  saturated: boolean;
  /** Calls this gateway has sent it that have not finished. */
  inFlight: number;
}

/**
 * The replicas of one service and which of them take traffic. Picks the replica with the fewest
 * calls in flight from this gateway (round-robin among equals), so a replica that answers slowly
 * gets less; healthy replicas that are not saturated first, then saturated ones, and when none is
 * healthy all of them (a "panic" mode, as Envoy has): a single-URL pool always tries its one
 * replica, and a pool whose health checks fail for a reason of their own still forwards rather
 * than answering 503 outright.
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
    this.replicas = urls.map((url) => ({ url: new URL(url), healthy: true, saturated: false, inFlight: 0 }));
  }

  /**
   * The next replica to try, skipping those this request has already tried; undefined when every
   * replica has been tried.
   */
  pick(tried: ReadonlySet<Replica> = new Set()): Replica | undefined {
    const untried = this.replicas.filter((replica) => !tried.has(replica));
    const healthy = untried.filter((replica) => replica.healthy);
    const spare = healthy.filter((replica) => !replica.saturated);
    const candidates = spare.length > 0 ? spare : healthy.length > 0 ? healthy : untried;
    if (candidates.length === 0) return undefined;
    const start = this.cursor % candidates.length;
    this.cursor = (this.cursor + 1) % Number.MAX_SAFE_INTEGER;
    let chosen = candidates[start];
    for (let step = 1; step < candidates.length; step++) {
      const next = candidates[(start + step) % candidates.length];
      if (next.inFlight < chosen.inFlight) chosen = next;
    }
    return chosen;
  }

  /** True when a call that was refused for saturation has a replica left that is neither tried nor saturated. */
  hasSpareReplica(tried: ReadonlySet<Replica>): boolean {
    return this.replicas.some((replica) => !tried.has(replica) && replica.healthy && !replica.saturated);
  }

  /** Out of rotation after a refused or reset connection, until the next health check says ready. */
  eject(replica: Replica): boolean {
    return this.setHealthy(replica, false);
  }

  /** Applies a health check result; true when it changed whether the replica is in rotation. */
  setHealthy(replica: Replica, healthy: boolean, saturated = false): boolean {
    replica.saturated = healthy && saturated;
    if (replica.healthy === healthy) return false;
    replica.healthy = healthy;
    return true;
  }

  /** The replica refused a call for saturation: others first, until a health check says it has room. */
  markSaturated(replica: Replica): void {
    replica.saturated = true;
  }

  healthyCount(): number {
    return this.replicas.filter((replica) => replica.healthy).length;
  }

  saturatedCount(): number {
    return this.replicas.filter((replica) => replica.healthy && replica.saturated).length;
  }
}

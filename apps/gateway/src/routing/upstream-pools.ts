import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ROOT_LOGGER, ServiceMetrics } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { GatewayConfig } from '@gateway/config';
import { probeReadiness } from './replica-readiness';
import { Upstream } from './route-table';
import { Replica, UpstreamPool } from './upstream-pool';

/** A probe that has not answered by then counts as not ready (the services' own checks give up at 2 s). */
const PROBE_TIMEOUT_MS = 2500;

/**
 * One pool of replicas per service, kept current by active health checks (each replica's
 * /health/ready every UPSTREAM_HEALTH_INTERVAL_MS: ready, saturated or not) and by what the proxy
 * sees (refused connections eject, 503 `saturated` answers mark saturated).
 */
@Injectable()
export class UpstreamPools implements OnModuleInit, OnModuleDestroy {
  readonly pools: Record<Upstream, UpstreamPool>;
  private readonly probing = new Set<Replica>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    metrics: ServiceMetrics,
  ) {
    this.pools = {
      identity: new UpstreamPool('identity', config.IDENTITY_URL),
      campaigns: new UpstreamPool('campaigns', config.CAMPAIGNS_URL),
      leads: new UpstreamPool('leads', config.LEADS_URL),
      docs: new UpstreamPool('docs', config.DOCS_URL),
      webhooks: new UpstreamPool('webhooks', config.WEBHOOKS_URL),
    };
    const pools = Object.values(this.pools);
    const poolGauge = (name: string, help: string, value: (pool: UpstreamPool) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['upstream'],
        registers: [metrics.registry],
        collect() {
          for (const pool of pools) this.set({ upstream: pool.name }, value(pool));
        },
      });
    poolGauge(
      'gateway_upstream_healthy_replicas',
      'Replicas of each service that passed their last health check and take traffic',
      (pool) => pool.healthyCount(),
    );
    poolGauge(
      'gateway_upstream_saturated_replicas',
      'Replicas in rotation that said they are saturated: they take calls only when no other can',
      (pool) => pool.saturatedCount(),
    );
  }

  onModuleInit(): void {
    this.checkAll();
    this.timer = setInterval(() => this.checkAll(), this.config.UPSTREAM_HEALTH_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Passive ejection: the proxy saw this replica refuse or reset a connection. */
  eject(pool: UpstreamPool, replica: Replica, reason: string): void {
    if (pool.eject(replica)) {
      this.logger.warn({ upstream: pool.name, replica: replica.url.origin, reason }, 'upstream replica ejected');
    }
  }

  /** The replica shed a call for want of room: others get calls first until its next check. */
  markSaturated(pool: UpstreamPool, replica: Replica): void {
    if (!replica.saturated) {
      pool.markSaturated(replica);
      this.logger.info({ upstream: pool.name, replica: replica.url.origin }, 'upstream replica saturated');
    }
  }

  private checkAll(): void {
    for (const pool of Object.values(this.pools)) {
      for (const replica of pool.replicas) void this.check(pool, replica);
    }
  }

  private async check(pool: UpstreamPool, replica: Replica): Promise<void> {
    // One probe per replica at a time: a slow replica is not piled up with checks.
    if (this.probing.has(replica)) return;
    this.probing.add(replica);
    try {
      const readiness = await probeReadiness(replica.url, PROBE_TIMEOUT_MS);
      const ready = readiness !== 'unready';
      if (pool.setHealthy(replica, ready, readiness === 'saturated')) {
        this.logger.info(
          { upstream: pool.name, replica: replica.url.origin, healthy_replicas: pool.healthyCount() },
          ready ? 'upstream replica in rotation' : 'upstream replica out of rotation',
        );
      }
    } finally {
      this.probing.delete(replica);
    }
  }
}

import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  OnModuleInit,
  Provider,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ReadinessRegistry, ServiceMetrics } from '@leadgate/observability';
import { Counter, Gauge } from 'prom-client';
import { finalize, Observable } from 'rxjs';
import { deadlineOf } from '@leadgate/service-kit/deadline/request-deadline';
import { Principal } from '@leadgate/service-kit/internal-auth/principal';
import { Bulkhead, BulkheadLimits } from './bulkhead';

const BULKHEAD_POOL = 'leadgate:bulkhead';
const BULKHEADS = Symbol('BULKHEADS');

type Pools = Map<string, Bulkhead>;

/** The pool a handler's requests take their place in (see bulkheadProviders). */
export const InBulkhead = (pool: string): MethodDecorator => SetMetadata(BULKHEAD_POOL, pool);

/**
 * Runs a handler marked `@InBulkhead(pool)` only once the pool gives it a place, and gives the place
 * back when its answer is done. After InternalPrincipalGuard: a request waits no longer than its
 * signed deadline.
 */
@Injectable()
export class BulkheadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(BULKHEADS) private readonly pools: Pools,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const pool = this.reflector.get<string | undefined>(BULKHEAD_POOL, context.getHandler());
    const bulkhead = pool === undefined ? undefined : this.pools.get(pool);
    if (!bulkhead) {
      if (pool !== undefined) throw new Error(`no bulkhead pool "${pool}"`);
      return next.handle();
    }
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    const release = await bulkhead.enter(principal ? deadlineOf(principal) : null);
    return next.handle().pipe(finalize(release));
  }
}

/**
 * Shows each pool in readiness and in metrics. Always ready (a full pool answers 503 at once), but
 * saturated while any pool has requests waiting or refused one within its Retry-After.
 */
@Injectable()
class BulkheadReports implements OnModuleInit {
  constructor(
    @Inject(BULKHEADS) private readonly pools: Pools,
    private readonly readiness: ReadinessRegistry,
    private readonly metrics: ServiceMetrics,
  ) {}

  onModuleInit(): void {
    const pools = [...this.pools.values()];
    this.readiness.register({
      name: 'bulkheads',
      check: async () => {
        const stats = pools.map((pool) => [pool.name, pool.stats] as const);
        return {
          ready: true,
          saturated: stats.some(([, poolStats]) => poolStats.saturated),
          detail: Object.fromEntries(stats),
        };
      },
    });
    const gauge = (name: string, help: string, value: (pool: Bulkhead) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['pool'],
        registers: [this.metrics.registry],
        collect() {
          for (const pool of pools) this.set({ pool: pool.name }, value(pool));
        },
      });
    gauge('bulkhead_active_requests', 'Requests holding a place in the pool', (pool) => pool.stats.active);
    gauge('bulkhead_queued_requests', 'Requests waiting for a place in the pool', (pool) => pool.stats.queued);
    const counted = new Map<string, number>();
    new Counter({
      name: 'bulkhead_refused_requests_total',
      help: 'Requests the pool answered 503 at once',
      labelNames: ['pool'],
      registers: [this.metrics.registry],
      collect() {
        for (const pool of pools) {
          this.inc({ pool: pool.name }, pool.stats.refused - (counted.get(pool.name) ?? 0));
          counted.set(pool.name, pool.stats.refused);
        }
      },
    });
  }
}

/** The providers of a service's bulkheads, one pool per name; add BulkheadInterceptor to its controllers. */
export function bulkheadProviders(pools: Record<string, BulkheadLimits>): Provider[] {
  return [
    {
      provide: BULKHEADS,
      useValue: new Map(Object.entries(pools).map(([name, limits]) => [name, new Bulkhead(name, limits)])),
    },
    BulkheadInterceptor,
    BulkheadReports,
  ];
}

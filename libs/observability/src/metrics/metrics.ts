import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * prom-client's default gauges whose names end in `_total`, which Prometheus keeps for counters
 * (promtool check metrics refuses them). Their per-type twins (`nodejs_active_handles` ...) stay;
 * a total is their sum.
 */
const GAUGES_NAMED_AS_COUNTERS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/** One registry per process, labelled with the service name, holding Node's default metrics too. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  /**
   * The histogram's child per label set, kept so that a request does not hash its labels again
   * (prom-client does on every labelled observe). Bounded: methods, route templates and statuses.
   */
  private readonly httpDurationChildren = new Map<string, { observe(value: number): void }>();

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    for (const name of GAUGES_NAMED_AS_COUNTERS) this.registry.removeSingleMetric(name);
    this.httpDuration = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'HTTP requests served, by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
  }

  /** One served request: its method, route template (never a raw path), status and duration. */
  observeHttpRequest(method: string, route: string, status: string, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let child = this.httpDurationChildren.get(key);
    if (child === undefined) {
      child = this.httpDuration.labels({ method, route, status });
      this.httpDurationChildren.set(key, child);
    }
    child.observe(seconds);
  }
}

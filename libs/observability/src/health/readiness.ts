import { Injectable } from '@nestjs/common';

/** One thing a service needs before it may take traffic: a database, a broker, a caught-up read model. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<ReadinessResult>;
}

export interface ReadinessResult {
  ready: boolean;
  /**
   * Ready, but with no spare place for more work (a bulkhead is full): the replica stays an
   * endpoint, and the gateway sends it work only when its other replicas have none either.
   */
  saturated?: boolean;
  detail?: Record<string, unknown>;
}

export interface ReadinessReport {
  ready: boolean;
  saturated: boolean;
  checks: Record<string, ReadinessResult>;
}

/** The status word both readiness listeners answer with. */
export function readinessStatus(report: ReadinessReport): 'ok' | 'saturated' | 'unavailable' {
  if (!report.ready) return 'unavailable';
  return report.saturated ? 'saturated' : 'ok';
}

/** Checks register here at module init; /health/ready asks all of them on every probe. */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];
  private draining = false;

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  /** Called at shutdown so load balancers stop sending new requests before HTTP closes. */
  markDraining(): void {
    this.draining = true;
  }

  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      this.checks.map(async (check): Promise<[string, ReadinessResult]> => {
        try {
          return [check.name, await withTimeout(check.check(), 2000)];
        } catch (error) {
          return [check.name, { ready: false, detail: { error: (error as Error).message } }];
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    if (this.draining) checks['shutdown'] = { ready: false, detail: { draining: true } };
    const results = Object.values(checks);
    return {
      ready: results.every((result) => result.ready),
      saturated: results.some((result) => result.saturated === true),
      checks,
    };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

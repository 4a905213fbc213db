import { Injectable } from '@nestjs/common';

/** One thing a service needs before it may take traffic: a database, a broker, a caught-up read model. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<ReadinessResult>;
}

export interface ReadinessResult {
  ready: boolean;
  detail?: Record<string, unknown>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, ReadinessResult>;
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
    return { ready: Object.values(checks).every((result) => result.ready), checks };
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

import { HttpStatus } from '@nestjs/common';
import { deadlineExceeded, deadlinePassed } from '@leadgate/service-kit/deadline/request-deadline';
import { ProblemException } from '@leadgate/service-kit/errors/problem';

export interface BulkheadLimits {
  /** Requests of this kind served at once. */
  concurrency: number;
  /** Requests that may wait for a place; more are refused at once. */
  queue: number;
  /** Longest a request waits for a place before it is refused (503), rather than served late. */
  maxWaitMs: number;
}

export interface BulkheadStats {
  active: number;
  queued: number;
  concurrency: number;
  /** True while every place is taken and requests wait. */
  saturated: boolean;
  refused: number;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (problem: ProblemException) => void;
  timer: NodeJS.Timeout;
}

/** Seconds a refused caller is told to wait; a pool that refused says it is saturated as long. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Marks a 503 given before any of the request started: the gateway may send the same request to
 * another replica whatever its method, and strips the header from what the caller sees.
 */
export const SHED_HEADER = 'x-leadgate-shed';

/**
 * Bounded concurrency for one kind of request (reads, single writes, batches), so that one kind
 * cannot queue the others behind it. A request takes a place or waits for one, first come first
 * served; one that would wait past `maxWaitMs` (or find the queue full) is answered 503 with
 * Retry-After at once, and one whose deadline passes while it waits 504: it was never started.
 */
export class Bulkhead {
  private active = 0;
  private refusedCount = 0;
  private lastRefusedAt = Number.NEGATIVE_INFINITY;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly name: string,
    private readonly limits: BulkheadLimits,
  ) {}

  /** Saturated while requests wait, and for the Retry-After it gave after refusing one. */
  statsAt(now = Date.now()): BulkheadStats {
    return {
      active: this.active,
      queued: this.waiting.length,
      concurrency: this.limits.concurrency,
      saturated: this.waiting.length > 0 || now - this.lastRefusedAt < RETRY_AFTER_SECONDS * 1000,
      refused: this.refusedCount,
    };
  }

  get stats(): BulkheadStats {
    return this.statsAt();
  }

  /** A place for one request; call the answer to give it back (once is enough, twice is harmless). */
  enter(deadline: number | null, now = Date.now()): Promise<() => void> {
    if (deadlinePassed(deadline, now)) return Promise.reject(deadlineExceeded());
    if (this.active < this.limits.concurrency && this.waiting.length === 0) {
      this.active++;
      return Promise.resolve(this.release());
    }
    if (this.waiting.length >= this.limits.queue) return Promise.reject(this.refuse());
    const giveUpAt = Math.min(now + this.limits.maxWaitMs, deadline ?? Number.POSITIVE_INFINITY);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(deadlinePassed(deadline) ? deadlineExceeded() : this.refuse());
        }, giveUpAt - now),
      };
      this.waiting.push(waiter);
    });
  }

  private release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.admitNext();
    };
  }

  private admitNext(): void {
    while (this.active < this.limits.concurrency && this.waiting.length > 0) {
      const next = this.waiting.shift() as Waiter;
      clearTimeout(next.timer);
      this.active++;
      next.resolve(this.release());
    }
  }

  private refuse(): ProblemException {
    this.refusedCount++;
    this.lastRefusedAt = Date.now();
    return new ProblemException(
      HttpStatus.SERVICE_UNAVAILABLE,
      'saturated',
      'Service saturated',
      `Too many ${this.name} requests are in progress; nothing was done. Retry after ${RETRY_AFTER_SECONDS} s.`,
      undefined,
      { 'Retry-After': String(RETRY_AFTER_SECONDS), [SHED_HEADER]: 'saturated' },
    );
  }
}

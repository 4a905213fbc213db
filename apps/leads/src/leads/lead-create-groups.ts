import { Injectable } from '@nestjs/common';
import { deadlineExceeded, deadlinePassed } from '@leadgate/service-kit';
import { LeadEventRelay } from '@leads/events/lead-event.relay';
import { LeadDocument } from '@leads/store/lead.schema';
import { LeadStore, NewCreate } from '@leads/store/lead-store.service';
import { COMMIT_CHUNK } from './lead-batch';

/**
 * Groups committed at the same time: while one runs, new creates gather into the next. One: with
 * two, each group was half the size (2–3 creates at 16 concurrent clients) and every database
 * round trip and produce was paid twice as often; measured in docs/BENCHMARKS.md (2026-11-29).
 */
const GROUPS_IN_FLIGHT = 1;

interface Waiting extends NewCreate {
  /** When its caller must have the answer (Unix ms), or null. */
  deadline: number | null;
  resolve: (stored: LeadDocument) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for single creates: creates that arrive while earlier groups are being committed
 * wait and are committed together by the next group (one claim for the keyed ones, one outbox
 * entry, one insert and one produce for all), so concurrent requests share database round trips
 * instead of queueing on them. No timer: an idle service commits a lone create at once. A group that fails fails each of
 * its requests, as each would have failed alone (nothing of it was answered yet).
 */
@Injectable()
export class LeadCreateGroups {
  private waiting: Waiting[] = [];
  private running = 0;

  constructor(
    private readonly store: LeadStore,
    private readonly relay: LeadEventRelay,
  ) {}

  /**
   * Commits the lead with its lead.created event; a retried idempotent create finds its first lead.
   * A create whose deadline passes while it waits for its group is never committed: 504.
   */
  commit(create: NewCreate, deadline: number | null): Promise<LeadDocument> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...create, deadline, resolve, reject });
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.running >= GROUPS_IN_FLIGHT) return;
    const now = Date.now();
    const group: Waiting[] = [];
    while (group.length < COMMIT_CHUNK && this.waiting.length > 0) {
      const next = this.waiting.shift() as Waiting;
      if (deadlinePassed(next.deadline, now)) next.reject(deadlineExceeded());
      else group.push(next);
    }
    if (group.length === 0) return;
    this.running++;
    this.store
      .commitCreates(group)
      .then(
        ({ leads, entry }) => {
          void this.relay.publishCreated(entry);
          group.forEach((waiting, index) => waiting.resolve(leads[index]));
        },
        (error: unknown) => group.forEach((waiting) => waiting.reject(error)),
      )
      .finally(() => {
        this.running--;
        this.startNext();
      });
  }
}

import { Injectable } from '@nestjs/common';
import { randomIdPart } from '@leadgate/service-kit';
import { LeadDocument, NewLead } from './lead.schema';
import { LeadsRepository } from './leads.repository';
import { LeadChange } from './lead-change.schema';
import { LeadChangesRepository } from './lead-changes.repository';
import { LeadOutboxEntry } from './lead-outbox.schema';
import { LeadOutboxRepository } from './lead-outbox.repository';
import { ListPositions } from './list-positions';

export type ChangeMeta = Pick<LeadChange, 'type' | 'changed' | 'actor'>;

/** A lead to create. `keyed`: its id derives from an Idempotency-Key, so a retry makes the same id. */
export interface NewCreate {
  lead: NewLead;
  meta: ChangeMeta;
  keyed: boolean;
}

/** Leads committed together, as stored, and the outbox entry that carries their events. */
export interface CommittedCreates {
  leads: LeadDocument[];
  entry: LeadOutboxEntry;
}

/**
 * Commits lead changes (ADR 008): claim the versions in the change log, put the changes in the
 * outbox, then write the leads. A crash between the steps leaves either claimed changes that a
 * retry or the next writer of the lead completes, or an outbox entry that the relay rolls forward
 * before it publishes; never a lead without its event. Each step is one write for the whole group.
 */
@Injectable()
export class LeadStore {
  constructor(
    private readonly changes: LeadChangesRepository,
    private readonly outbox: LeadOutboxRepository,
    private readonly leads: LeadsRepository,
    private readonly positions: ListPositions,
  ) {}

  /**
   * Version 1 of many leads (one request's batch, or single creates committed as a group). Answers
   * the stored leads in input order; a retried idempotent create gets the leads its first attempt
   * claimed (in the list bucket it was filed in then) and creates nothing twice.
   */
  async commitCreates(items: NewCreate[]): Promise<CommittedCreates> {
    const leads = await this.positions.place(items.map((item) => item.lead));
    const committed = await this.claimKeyed(
      leads.map((lead, index) => changeOf(lead, items[index].meta)),
      items.map((item) => item.keyed),
    );
    const entry = outboxEntryOf(committed);
    await this.outbox.add(entry);
    await this.apply(committed);
    return { leads: committed.map((change) => change.lead), entry };
  }

  /**
   * Claims version 1 of the keyed creates only, and answers every change in input order (a keyed one
   * replaced by what an earlier attempt claimed). A random id is new to everyone: no other writer
   * can hold its version 1, and nothing reads a version-1 record that was never contested, so its
   * outbox entry is its first record (one database round trip less per group; ADR 008).
   */
  private async claimKeyed(changes: LeadChange[], keyed: boolean[]): Promise<LeadChange[]> {
    const positions = changes.flatMap((_, index) => (keyed[index] ? [index] : []));
    if (positions.length === 0) return changes;
    const claimed = await this.changes.claimMany(positions.map((index) => changes[index]));
    const committed = [...changes];
    positions.forEach((index, offset) => (committed[index] = claimed[offset]));
    return committed;
  }

  /** Version `next.version` and its outbox entry, or null when another writer claimed that version first. */
  async commitUpdate(next: LeadDocument, meta: ChangeMeta): Promise<LeadOutboxEntry | null> {
    const change = changeOf(next, meta);
    if (!(await this.changes.claim(change))) return null;
    const entry = outboxEntryOf([change]);
    await this.outbox.add(entry);
    await this.apply([change]);
    return entry;
  }

  /**
   * Completes the changes a writer that died claimed after `current` but did not write: outbox
   * first, then the lead. Answers their outbox entry (to publish), or null when there were none.
   */
  async rollForward(current: LeadDocument): Promise<LeadOutboxEntry | null> {
    const claimed = await this.changes.after(current._id, current.version);
    if (claimed.length === 0) return null;
    const entry = outboxEntryOf(claimed);
    await this.outbox.add(entry);
    await this.apply(claimed);
    return entry;
  }

  /**
   * Writes changes into their leads: creates in one insert (a lead that exists already is left as
   * it is), later versions lead by lead in version order, each only onto the version before it. So
   * applying a change again, or one that a racing writer applies too, changes nothing.
   */
  async apply(changes: LeadChange[]): Promise<void> {
    await this.leads.insertMany(changes.filter((change) => change.version === 1).map((change) => change.lead));
    const updates = changes
      .filter((change) => change.version > 1)
      .sort((a, b) => (a.lead_id === b.lead_id ? a.version - b.version : a.lead_id < b.lead_id ? -1 : 1));
    for (const change of updates) await this.leads.applySnapshot(change.lead);
  }
}

function changeOf(lead: LeadDocument, meta: ChangeMeta): LeadChange {
  return {
    _id: `${lead._id}:${lead.version}`,
    lead_id: lead._id,
    version: lead.version,
    ...meta,
    time: lead.updated_at,
    lead,
  };
}

function outboxEntryOf(changes: LeadChange[]): LeadOutboxEntry {
  return { _id: `ob_${randomIdPart(12)}`, changes, created_at: new Date().toISOString() };
}

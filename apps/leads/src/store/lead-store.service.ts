import { Injectable } from '@nestjs/common';
import { LeadDocument } from './lead.schema';
import { LeadsRepository } from './leads.repository';
import { LeadChange } from './lead-change.schema';
import { LeadChangesRepository } from './lead-changes.repository';

export type ChangeMeta = Pick<LeadChange, 'type' | 'changed' | 'actor'>;

/**
 * Commits lead changes through the change log (see LeadChange): claim the version, then write the
 * lead, then mark the change applied. A crash between the steps leaves a claimed, unapplied change
 * that the next writer of that lead, or the relay, rolls forward; never a lead without its event.
 */
@Injectable()
export class LeadStore {
  constructor(
    private readonly changes: LeadChangesRepository,
    private readonly leads: LeadsRepository,
  ) {}

  /** Version 1. A retried idempotent create finds the change it claimed the first time and completes it. */
  async commitCreate(lead: LeadDocument, meta: ChangeMeta): Promise<LeadDocument> {
    const change = this.changeOf(lead, meta);
    const claimed = await this.changes.claim(change);
    const committed = claimed ? change : await this.changes.findById(change._id);
    if (!committed) throw new Error(`change ${change._id} vanished after its claim`);
    await this.apply(committed);
    return committed.lead;
  }

  /**
   * Version 1 of many leads, with one insert per step instead of a few writes per lead: claim all,
   * then insert the leads whose change is not applied yet. Their changes are marked applied by the
   * relay together with published (one update instead of two, each costly on FerretDB); until then a
   * roll-forward re-inserts them, which is a no-op. Answers the stored leads in input order; a
   * retried idempotent batch gets the leads its first attempt claimed and creates nothing twice.
   */
  async commitCreates(leads: LeadDocument[], meta: ChangeMeta): Promise<LeadDocument[]> {
    const committed = await this.changes.claimMany(leads.map((lead) => this.changeOf(lead, meta)));
    await this.rollForwardMany(committed.filter((change) => !change.applied));
    return committed.map((change) => change.lead);
  }

  /** Version `next.version`, or null when another writer claimed that version first. */
  async commitUpdate(next: LeadDocument, meta: ChangeMeta): Promise<LeadDocument | null> {
    const change = this.changeOf(next, meta);
    if (!(await this.changes.claim(change))) return null;
    await this.apply(change);
    return next;
  }

  /** Applies whatever a crashed writer claimed but did not write, in version order. */
  async rollForward(leadId: string): Promise<void> {
    for (const change of await this.changes.unapplied(leadId)) await this.apply(change);
  }

  /**
   * Writes claimed, unapplied changes of many leads: all creates (version 1) in one insert, left
   * unmarked for markPublishedMany; later versions lead by lead in version order, marked as they go.
   */
  async rollForwardMany(unapplied: LeadChange[]): Promise<void> {
    const creates = unapplied.filter((change) => change.version === 1);
    await this.leads.insertMany(creates.map((change) => change.lead));
    const updated = new Set(unapplied.filter((change) => change.version > 1).map((change) => change.lead_id));
    for (const leadId of updated) await this.rollForward(leadId);
  }

  private async apply(change: LeadChange): Promise<void> {
    if (change.version === 1) await this.leads.insert(change.lead);
    else await this.leads.applySnapshot(change.lead);
    await this.changes.markApplied(change._id);
  }

  private changeOf(lead: LeadDocument, meta: ChangeMeta): LeadChange {
    return {
      _id: `${lead._id}:${lead.version}`,
      lead_id: lead._id,
      version: lead.version,
      ...meta,
      time: lead.updated_at,
      lead,
      applied: false,
      published: false,
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { duplicateKeyIndexes, isDuplicateKey } from './duplicate-keys';
import { changeOfStored, LEAD_CHANGE_MODEL, LeadChange, storedChangeOf, StoredLeadChange } from './lead-change.schema';

/** The only place that touches the lead change log. Records are inserted once and never changed. */
@Injectable()
export class LeadChangesRepository {
  constructor(@InjectModel(LEAD_CHANGE_MODEL) private readonly changes: Model<StoredLeadChange>) {}

  /** True when this change got its version; false when another writer holds it already. */
  async claim(change: LeadChange): Promise<boolean> {
    try {
      await this.changes.create(storedChangeOf(change));
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Claims many changes in one unordered insert and answers, in input order, the change that holds
   * each id: ours, or the one an earlier attempt claimed (a retried idempotent batch), loaded in one query.
   */
  async claimMany(changes: LeadChange[]): Promise<LeadChange[]> {
    let taken: number[] = [];
    try {
      // lean: the changes are built by LeadStore from validated leads; skipping mongoose's casting
      // and document building saves CPU the database shares on a small host.
      await this.changes.insertMany(changes.map(storedChangeOf), { ordered: false, lean: true });
    } catch (error) {
      taken = duplicateKeyIndexes(error);
    }
    if (taken.length === 0) return changes;
    const existing = await this.findByIds(taken.map((index) => changes[index]._id));
    const byId = new Map(existing.map((change) => [change._id, change]));
    const committed = [...changes];
    for (const index of taken) {
      const change = byId.get(changes[index]._id);
      if (!change) throw new Error(`change ${changes[index]._id} vanished after its claim`);
      committed[index] = change;
    }
    return committed;
  }

  async findByIds(ids: string[]): Promise<LeadChange[]> {
    return (await this.changes.find({ _id: { $in: ids } }).lean<StoredLeadChange[]>()).map(changeOfStored);
  }

  /** A lead's changes after `version`, in version order: claimed by a writer that died before writing them. */
  async after(leadId: string, version: number): Promise<LeadChange[]> {
    const stored = await this.changes
      .find({ lead_id: { $eq: leadId }, version: { $gt: version } })
      .sort({ version: 1 })
      .lean<StoredLeadChange[]>();
    return stored.map(changeOfStored);
  }
}

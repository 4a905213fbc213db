import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-keys';
import { LIST_SEQUENCE_MODEL, ListSequenceDocument } from './list-sequence.schema';

/** The only place that touches the per-campaign list counters. */
@Injectable()
export class ListSequencesRepository {
  constructor(@InjectModel(LIST_SEQUENCE_MODEL) private readonly sequences: Model<ListSequenceDocument>) {}

  /**
   * Hands out `count` list positions of the campaign and answers the first. FerretDB v1 applies
   * `$inc` as read-modify-write, so two replicas racing may be handed the same positions: their
   * leads then share a bucket (a fuller bucket, never a lost or misplaced lead).
   */
  async claim(campaignId: string, count: number): Promise<number> {
    const update = () =>
      this.sequences
        .findOneAndUpdate(
          { _id: { $eq: campaignId } },
          { $inc: { numbered: count } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<ListSequenceDocument>();
    let claimed: ListSequenceDocument | null;
    try {
      claimed = await update();
    } catch (error) {
      // Two first claims of a campaign both tried to create its counter: the loser claims again.
      if (!isDuplicateKey(error)) throw error;
      claimed = await update();
    }
    if (!claimed) throw new Error(`list sequence of ${campaignId} missing after its upsert`);
    return claimed.numbered - count;
  }

  /** How many positions the campaign has handed out (0 before its first lead). */
  async numbered(campaignId: string): Promise<number> {
    const sequence = await this.sequences.findOne({ _id: { $eq: campaignId } }).lean<ListSequenceDocument>();
    return sequence?.numbered ?? 0;
  }
}

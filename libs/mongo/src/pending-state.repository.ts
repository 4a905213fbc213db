import { Model } from 'mongoose';

/** A stored document that carries published state (the state outbox of libs/kafka). */
export interface PendingStateDocument {
  _id: string;
  version: number;
  publish_pending: boolean;
}

/**
 * The two queries every state outbox store makes, written once: the documents still marked for
 * publishing, and clearing that mark only at the version that was published (a newer write stays
 * pending). A repository extends it with its model and so is a `PendingStateStore`.
 */
export abstract class PendingStateRepository<D extends PendingStateDocument> {
  protected constructor(private readonly pendingModel: Model<D>) {}

  async findPending(limit: number): Promise<D[]> {
    return this.pendingModel
      .find({ publish_pending: { $eq: true } })
      .limit(limit)
      .lean<D[]>();
  }

  async markPublished(id: string, version: number): Promise<void> {
    await this.pendingModel.updateOne(
      { _id: { $eq: id }, version: { $eq: version } },
      { $set: { publish_pending: false } },
    );
  }
}

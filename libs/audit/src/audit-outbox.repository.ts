import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PendingStateStore } from '@leadgate/kafka';
import { Model } from 'mongoose';
import { AUDIT_OUTBOX_MODEL, AuditOutboxDocument } from './audit-outbox.schema';

/** The only place that touches the audit outbox. Every value is wrapped in `$eq`. */
@Injectable()
export class AuditOutboxRepository implements PendingStateStore<AuditOutboxDocument> {
  constructor(@InjectModel(AUDIT_OUTBOX_MODEL) private readonly entries: Model<AuditOutboxDocument>) {}

  async insert(document: AuditOutboxDocument): Promise<void> {
    await this.entries.create(document);
  }

  async findPending(limit: number): Promise<AuditOutboxDocument[]> {
    return this.entries
      .find({ publish_pending: { $eq: true } })
      .limit(limit)
      .lean<AuditOutboxDocument[]>();
  }

  async markPublished(id: string, version: number): Promise<void> {
    await this.entries.updateOne({ _id: { $eq: id }, version: { $eq: version } }, { $set: { publish_pending: false } });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PendingStateStore } from '@leadgate/kafka';
import { PendingStateRepository } from '@leadgate/mongo';
import { Model } from 'mongoose';
import { AUDIT_OUTBOX_MODEL, AuditOutboxDocument } from './audit-outbox.schema';

/** The only place that touches the audit outbox. Every value is wrapped in `$eq`. */
@Injectable()
export class AuditOutboxRepository
  extends PendingStateRepository<AuditOutboxDocument>
  implements PendingStateStore<AuditOutboxDocument>
{
  constructor(@InjectModel(AUDIT_OUTBOX_MODEL) private readonly entries: Model<AuditOutboxDocument>) {
    super(entries);
  }

  async insert(document: AuditOutboxDocument): Promise<void> {
    await this.entries.create(document);
  }
}

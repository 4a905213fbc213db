import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AUDIT_LOG_MODEL, AuditLogDocument } from './audit-log-entry.schema';

const DUPLICATE_KEY = 11000;

/** Where a page starts: after this entry, in newest-first order. */
export interface AuditPosition {
  at: string;
  id: string;
}

/** The only place that touches the audit_log collection. Every value is wrapped in `$eq` or a range. */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectModel(AUDIT_LOG_MODEL) private readonly entries: Model<AuditLogDocument>) {}

  /** Appends an entry; one delivered twice is kept once. */
  async append(entry: AuditLogDocument): Promise<void> {
    try {
      await this.entries.create(entry);
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }

  async page(accountId: string, after: AuditPosition | null, limit: number): Promise<AuditLogDocument[]> {
    const older = after ? { $or: [{ at: { $lt: after.at } }, { at: { $eq: after.at }, _id: { $lt: after.id } }] } : {};
    return this.entries
      .find({ account_id: { $eq: accountId }, ...older })
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .lean<AuditLogDocument[]>();
  }
}

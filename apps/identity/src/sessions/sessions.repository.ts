import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PendingStateStore } from '@leadgate/kafka';
import { PendingStateRepository } from '@leadgate/mongo';
import { Model } from 'mongoose';
import { SESSION_MODEL, SessionDocument } from './session.schema';

export type SessionChanges = Partial<Pick<SessionDocument, 'revoked_at' | 'idle_expires_at'>>;

/** The only place that touches the sessions collection. Every value is wrapped in `$eq`. */
@Injectable()
export class SessionsRepository
  extends PendingStateRepository<SessionDocument>
  implements PendingStateStore<SessionDocument>
{
  constructor(@InjectModel(SESSION_MODEL) private readonly sessions: Model<SessionDocument>) {
    super(sessions);
  }

  async insert(session: SessionDocument): Promise<void> {
    await this.sessions.create(session);
  }

  async findById(id: string): Promise<SessionDocument | null> {
    return this.sessions.findOne({ _id: { $eq: id } }).lean<SessionDocument>();
  }

  async findLiveOfUser(userId: string): Promise<SessionDocument[]> {
    return this.sessions
      .find({ user_id: { $eq: userId }, revoked_at: { $eq: null } })
      .limit(1000)
      .lean<SessionDocument[]>();
  }

  async update(id: string, version: number, changes: SessionChanges): Promise<SessionDocument | null> {
    return this.sessions
      .findOneAndUpdate(
        { _id: { $eq: id }, version: { $eq: version } },
        { $set: { ...changes, updated_at: new Date().toISOString(), publish_pending: true, version: version + 1 } },
        { returnDocument: 'after' },
      )
      .lean<SessionDocument>();
  }
}

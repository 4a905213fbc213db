import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PendingStateStore } from '@leadgate/kafka';
import { PendingStateRepository } from '@leadgate/mongo';
import { Model } from 'mongoose';
import { USER_MODEL, UserDocument } from './user.schema';

export type UserChanges = Partial<
  Pick<UserDocument, 'role' | 'status' | 'password_hash' | 'invitation' | 'email_key' | 'removed_at'>
>;

/** The only place that touches the users collection. Every value is wrapped in `$eq`. */
@Injectable()
export class UsersRepository extends PendingStateRepository<UserDocument> implements PendingStateStore<UserDocument> {
  constructor(@InjectModel(USER_MODEL) private readonly users: Model<UserDocument>) {
    super(users);
  }

  /** False when a live user already has this e-mail (the unique index decided). */
  async insert(user: UserDocument): Promise<boolean> {
    try {
      await this.users.create(user);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async findLive(id: string): Promise<UserDocument | null> {
    return this.users.findOne({ _id: { $eq: id }, removed_at: { $eq: null } }).lean<UserDocument>();
  }

  async findLiveInAccount(accountId: string, id: string): Promise<UserDocument | null> {
    return this.users
      .findOne({ _id: { $eq: id }, account_id: { $eq: accountId }, removed_at: { $eq: null } })
      .lean<UserDocument>();
  }

  async findByEmailKey(emailKey: string): Promise<UserDocument | null> {
    return this.users.findOne({ email_key: { $eq: emailKey } }).lean<UserDocument>();
  }

  async listLive(accountId: string, limit: number): Promise<UserDocument[]> {
    return this.users
      .find({ account_id: { $eq: accountId }, removed_at: { $eq: null } })
      .sort({ created_at: 1 })
      .limit(limit)
      .lean<UserDocument[]>();
  }

  async countLiveOwners(accountId: string): Promise<number> {
    return this.users.countDocuments({
      account_id: { $eq: accountId },
      role: { $eq: 'owner' },
      status: { $eq: 'active' },
      removed_at: { $eq: null },
    });
  }

  /** Applies `changes` only at `version`; null when someone else changed the user first. */
  async update(id: string, version: number, changes: UserChanges): Promise<UserDocument | null> {
    return this.users
      .findOneAndUpdate(
        { _id: { $eq: id }, version: { $eq: version } },
        { $set: { ...changes, updated_at: new Date().toISOString(), publish_pending: true, version: version + 1 } },
        { returnDocument: 'after' },
      )
      .lean<UserDocument>();
  }
}

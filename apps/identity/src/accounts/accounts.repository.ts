import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PendingStateStore } from '@leadgate/kafka';
import { PendingStateRepository } from '@leadgate/mongo';
import { Model } from 'mongoose';
import { ACCOUNT_MODEL, AccountDocument } from './account.schema';

@Injectable()
export class AccountsRepository
  extends PendingStateRepository<AccountDocument>
  implements PendingStateStore<AccountDocument>
{
  constructor(@InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>) {
    super(accounts);
  }

  async insert(account: AccountDocument): Promise<void> {
    await this.accounts.create(account);
  }

  async findById(id: string): Promise<AccountDocument | null> {
    return this.accounts.findOne({ _id: { $eq: id } }).lean<AccountDocument>();
  }

  async setDefaultRateLimit(id: string, version: number, limit: number | null): Promise<AccountDocument | null> {
    return this.accounts
      .findOneAndUpdate(
        { _id: { $eq: id }, version: { $eq: version } },
        {
          $set: {
            default_rate_limit_per_minute: limit,
            version: version + 1,
            publish_pending: true,
            updated_at: new Date().toISOString(),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<AccountDocument>();
  }
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ACCOUNT_MODEL, AccountDocument } from './account.schema';

@Injectable()
export class AccountsRepository {
  constructor(@InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>) {}

  async insert(account: AccountDocument): Promise<void> {
    await this.accounts.create(account);
  }
}

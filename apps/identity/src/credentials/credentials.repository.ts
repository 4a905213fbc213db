import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PendingStateStore } from '@leadgate/kafka';
import { PendingStateRepository } from '@leadgate/mongo';
import { Model } from 'mongoose';
import { CREDENTIAL_MODEL, CredentialDocument } from './credential.schema';

/** The only place that touches the credentials collection. */
@Injectable()
export class CredentialsRepository
  extends PendingStateRepository<CredentialDocument>
  implements PendingStateStore<CredentialDocument>
{
  constructor(@InjectModel(CREDENTIAL_MODEL) private readonly credentials: Model<CredentialDocument>) {
    super(credentials);
  }

  async insert(credential: CredentialDocument): Promise<void> {
    await this.credentials.create(credential);
  }

  async findByClientId(clientId: string): Promise<CredentialDocument | null> {
    return this.credentials.findOne({ client_id: { $eq: clientId } }).lean<CredentialDocument>();
  }

  async findInAccount(accountId: string, id: string): Promise<CredentialDocument | null> {
    return this.credentials.findOne({ _id: { $eq: id }, account_id: { $eq: accountId } }).lean<CredentialDocument>();
  }

  async list(accountId: string, limit: number): Promise<CredentialDocument[]> {
    return this.credentials
      .find({ account_id: { $eq: accountId } })
      .sort({ created_at: -1 })
      .limit(limit)
      .lean<CredentialDocument[]>();
  }

  async setEnabled(id: string, version: number, enabled: boolean): Promise<CredentialDocument | null> {
    return this.credentials
      .findOneAndUpdate(
        { _id: { $eq: id }, version: { $eq: version } },
        { $set: { enabled, updated_at: new Date().toISOString(), publish_pending: true, version: version + 1 } },
        { returnDocument: 'after' },
      )
      .lean<CredentialDocument>();
  }
}

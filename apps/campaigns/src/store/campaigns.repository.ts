import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PendingStateStore } from '@leadgate/kafka';
import { PendingStateRepository } from '@leadgate/mongo';
import { Model } from 'mongoose';
import { CAMPAIGN_MODEL, CampaignDocument } from './campaign.schema';

export type CampaignChanges = Partial<
  Pick<CampaignDocument, 'name' | 'fields' | 'selects' | 'statuses' | 'relations' | 'receiver' | 'deleted_at'>
>;

/** The only place that touches the campaigns collection. */
@Injectable()
export class CampaignsRepository
  extends PendingStateRepository<CampaignDocument>
  implements PendingStateStore<CampaignDocument>
{
  constructor(@InjectModel(CAMPAIGN_MODEL) private readonly campaigns: Model<CampaignDocument>) {
    super(campaigns);
  }

  async insert(campaign: CampaignDocument): Promise<void> {
    await this.campaigns.create(campaign);
  }

  async findInAccount(accountId: string, id: string): Promise<CampaignDocument | null> {
    return this.campaigns
      .findOne({ _id: { $eq: id }, account_id: { $eq: accountId }, deleted_at: { $eq: null } })
      .lean<CampaignDocument>();
  }

  async listInAccount(accountId: string, limit: number): Promise<CampaignDocument[]> {
    return this.campaigns
      .find({ account_id: { $eq: accountId }, deleted_at: { $eq: null } })
      .sort({ created_at: -1 })
      .limit(limit)
      .lean<CampaignDocument[]>();
  }

  /**
   * Applies `changes` only if the campaign is still at `version`, bumping it and marking the new
   * state for publication; null when another writer got there first.
   */
  async update(id: string, version: number, changes: CampaignChanges): Promise<CampaignDocument | null> {
    return this.campaigns
      .findOneAndUpdate(
        { _id: { $eq: id }, version: { $eq: version }, deleted_at: { $eq: null } },
        { $set: { ...changes, version: version + 1, publish_pending: true, updated_at: new Date().toISOString() } },
        { returnDocument: 'after' },
      )
      .lean<CampaignDocument>();
  }
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CAMPAIGN_MODEL, CampaignDocument } from './campaign.schema';

/** The only place that touches the campaigns collection. */
@Injectable()
export class CampaignsRepository {
  constructor(@InjectModel(CAMPAIGN_MODEL) private readonly campaigns: Model<CampaignDocument>) {}

  async insert(campaign: CampaignDocument): Promise<void> {
    await this.campaigns.create(campaign);
  }

  async findInAccount(accountId: string, id: string): Promise<CampaignDocument | null> {
    return this.campaigns.findOne({ _id: { $eq: id }, account_id: { $eq: accountId } }).lean<CampaignDocument>();
  }

  async listInAccount(accountId: string, limit: number): Promise<CampaignDocument[]> {
    return this.campaigns
      .find({ account_id: { $eq: accountId } })
      .sort({ created_at: -1 })
      .limit(limit)
      .lean<CampaignDocument[]>();
  }

  /** Clears the pending mark, but only if the campaign is still at the version Kafka acknowledged. */
  async markPublished(id: string, version: number): Promise<void> {
    await this.campaigns.updateOne(
      { _id: { $eq: id }, version: { $eq: version } },
      { $set: { publish_pending: false } },
    );
  }

  async findPending(limit: number): Promise<CampaignDocument[]> {
    return this.campaigns
      .find({ publish_pending: { $eq: true } })
      .limit(limit)
      .lean<CampaignDocument[]>();
  }
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PendingStateStore } from '@leadgate/kafka';
import { PendingStateRepository } from '@leadgate/mongo';
import { Model } from 'mongoose';
import { FILTER_MODEL, FilterDocument } from './filter.schema';

export type FilterChanges = Partial<Pick<FilterDocument, 'name' | 'condition' | 'deleted_at'>>;

/** The only place that touches the filters collection. */
@Injectable()
export class FiltersRepository
  extends PendingStateRepository<FilterDocument>
  implements PendingStateStore<FilterDocument>
{
  constructor(@InjectModel(FILTER_MODEL) private readonly filters: Model<FilterDocument>) {
    super(filters);
  }

  async insert(filter: FilterDocument): Promise<void> {
    await this.filters.create(filter);
  }

  async findInCampaign(accountId: string, campaignId: string, id: string): Promise<FilterDocument | null> {
    return this.filters
      .findOne({
        _id: { $eq: id },
        account_id: { $eq: accountId },
        campaign_id: { $eq: campaignId },
        deleted_at: { $eq: null },
      })
      .lean<FilterDocument>();
  }

  async listInCampaign(campaignId: string): Promise<FilterDocument[]> {
    return this.filters
      .find({ campaign_id: { $eq: campaignId }, deleted_at: { $eq: null } })
      .sort({ created_at: 1 })
      .lean<FilterDocument[]>();
  }

  async update(id: string, version: number, changes: FilterChanges): Promise<FilterDocument | null> {
    return this.filters
      .findOneAndUpdate(
        { _id: { $eq: id }, version: { $eq: version }, deleted_at: { $eq: null } },
        { $set: { ...changes, version: version + 1, publish_pending: true, updated_at: new Date().toISOString() } },
        { returnDocument: 'after' },
      )
      .lean<FilterDocument>();
  }
}

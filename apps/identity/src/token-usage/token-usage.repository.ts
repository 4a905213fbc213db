import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { TOKEN_USAGE_MODEL, TokenUsageDocument } from './token-usage.schema';

const DUPLICATE_KEY = 11000;

/** The only place that touches the token_usage collection. */
@Injectable()
export class TokenUsageRepository {
  constructor(@InjectModel(TOKEN_USAGE_MODEL) private readonly usage: Model<TokenUsageDocument>) {}

  /** Moves last_used_at forward only (usage reports from several gateways arrive in any order). */
  async record(tokenId: string, lastUsedAt: string): Promise<void> {
    try {
      await this.usage.updateOne(
        { _id: { $eq: tokenId }, last_used_at: { $lt: lastUsedAt } },
        { $set: { last_used_at: lastUsedAt } },
        { upsert: true },
      );
    } catch (error) {
      // The upsert found a newer stamp and tried to insert a second one: the newer one stays.
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }

  /** last_used_at by token id, for the tokens that have been used. */
  async lastUsedOf(tokenIds: readonly string[]): Promise<Map<string, string>> {
    if (tokenIds.length === 0) return new Map();
    const found = await this.usage.find({ _id: { $in: [...tokenIds] } }).lean<TokenUsageDocument[]>();
    return new Map(found.map((entry) => [entry._id, entry.last_used_at]));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PendingStateStore } from '@leadgate/kafka';
import { PendingStateRepository } from '@leadgate/mongo';
import { Model } from 'mongoose';
import { TOKEN_MODEL, TokenDocument } from './token.schema';

export type TokenChanges = Partial<
  Pick<
    TokenDocument,
    | 'name'
    | 'expires_at'
    | 'revoked_at'
    | 'rate_limit_per_minute'
    | 'field_access'
    | 'secret_hashes'
    | 'docs_key'
    | 'previous_docs_keys'
  >
>;

export interface TokenListFilter {
  kind: TokenDocument['kind'];
  campaignId?: string;
}

/** The only place that touches the tokens collection. Every value is wrapped in `$eq`. */
@Injectable()
export class TokensRepository
  extends PendingStateRepository<TokenDocument>
  implements PendingStateStore<TokenDocument>
{
  constructor(@InjectModel(TOKEN_MODEL) private readonly tokens: Model<TokenDocument>) {
    super(tokens);
  }

  async insert(token: TokenDocument): Promise<void> {
    await this.tokens.create(token);
  }

  async findById(id: string): Promise<TokenDocument | null> {
    return this.tokens.findOne({ _id: { $eq: id } }).lean<TokenDocument>();
  }

  async findInAccount(accountId: string, id: string): Promise<TokenDocument | null> {
    return this.tokens.findOne({ _id: { $eq: id }, account_id: { $eq: accountId } }).lean<TokenDocument>();
  }

  async list(accountId: string, filter: TokenListFilter, limit: number): Promise<TokenDocument[]> {
    return this.tokens
      .find({
        account_id: { $eq: accountId },
        kind: { $eq: filter.kind },
        ...(filter.campaignId ? { campaign_id: { $eq: filter.campaignId } } : {}),
      })
      .sort({ created_at: -1 })
      .limit(limit)
      .lean<TokenDocument[]>();
  }

  /**
   * Applies `changes` only if the token is still at `version`, bumping the version and marking the
   * new state for publication. Null when someone else changed it first (the caller retries or 409s).
   */
  async update(id: string, version: number, changes: TokenChanges): Promise<TokenDocument | null> {
    return this.tokens
      .findOneAndUpdate(
        { _id: { $eq: id }, version: { $eq: version } },
        {
          $set: { ...changes, updated_at: new Date().toISOString(), publish_pending: true, version: version + 1 },
        },
        { returnDocument: 'after' },
      )
      .lean<TokenDocument>();
  }

  async findLiveAccessTokensOf(credentialId: string): Promise<TokenDocument[]> {
    return this.tokens
      .find({ credential_id: { $eq: credentialId }, kind: { $eq: 'access' }, revoked_at: { $eq: null } })
      .lean<TokenDocument[]>();
  }
}

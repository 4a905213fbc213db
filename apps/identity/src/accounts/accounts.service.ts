import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { TokenIssuer } from '../tokens/token-issuer';
import { AccountsRepository } from './accounts.repository';

export interface BootstrappedAccount {
  account_id: string;
  admin_token: string;
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly issuer: TokenIssuer,
  ) {}

  /** A new account and its owner token (`admin`); the token is shown once, to the operator. */
  async bootstrap(name: string, operator: string): Promise<BootstrappedAccount> {
    const accountId = `acct_${randomBytes(12).toString('base64url')}`;
    await this.accounts.insert({ _id: accountId, name, created_at: new Date().toISOString() });
    const { token } = await this.issuer.issue({
      account_id: accountId,
      kind: 'account',
      name: 'Owner token',
      scopes: ['admin'],
      permissions: null,
      campaign_id: null,
      filter_id: null,
      credential_id: null,
      expires_at: null,
      rate_limit_per_minute: null,
      created_by: operator,
    });
    return { account_id: accountId, admin_token: token };
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { AccountStateV1 } from '@leadgate/contracts';
import { ProblemException } from '@leadgate/service-kit';
import { randomBytes } from 'node:crypto';
import { TokenIssuer } from '@identity/tokens/token-issuer';
import { UsersService } from '@identity/users/users.service';
import { AccountStatePublisher, toAccountState } from './account-state.publisher';
import { AccountsRepository } from './accounts.repository';

export interface BootstrappedAccount {
  account_id: string;
  admin_token: string;
  /** The first owner, when the operator named one: who signs in to the console. */
  owner: { id: string; email: string } | null;
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly issuer: TokenIssuer,
    private readonly statePublisher: AccountStatePublisher,
    private readonly users: UsersService,
  ) {}

  async get(accountId: string): Promise<AccountStateV1> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such account.');
    return toAccountState(account);
  }

  /** The rate limit for tokens that set none; null returns them to the platform default. */
  async setDefaultRateLimit(accountId: string, limit: number | null): Promise<AccountStateV1> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const account = await this.accounts.findById(accountId);
      if (!account) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such account.');
      const updated = await this.accounts.setDefaultRateLimit(account._id, account.version, limit);
      if (!updated) continue;
      await this.statePublisher.publish(updated);
      return toAccountState(updated);
    }
    throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', 'The account is being changed; try again.');
  }

  /** A new account and its owner token (`admin`); the token is shown once, to the operator. */
  async bootstrap(
    name: string,
    operator: string,
    owner: { email: string; password: string } | null,
  ): Promise<BootstrappedAccount> {
    const accountId = `acct_${randomBytes(12).toString('base64url')}`;
    const now = new Date().toISOString();
    const account = {
      _id: accountId,
      name,
      default_rate_limit_per_minute: null,
      version: 1,
      publish_pending: true,
      created_at: now,
      updated_at: now,
    };
    await this.accounts.insert(account);
    await this.statePublisher.publish(account);
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
    const person = owner ? await this.users.bootstrapOwner(accountId, owner.email, owner.password, operator) : null;
    return { account_id: accountId, admin_token: token, owner: person && { id: person.id, email: person.email } };
  }
}

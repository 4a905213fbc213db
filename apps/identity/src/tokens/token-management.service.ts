import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { generateTokenString, hashSecret, publicIdOfTokenId } from '@leadgate/auth-core';
import { Principal, ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { IdentityConfig } from '../config';
import { RotateTokenBody, UpdateTokenBody } from './dto/token-bodies';
import { expiryProblems, validationProblem } from './scope-rules';
import { TokenDocument } from './token.schema';
import { TokenStatePublisher } from './token-state.publisher';
import { toTokenView, TokenView } from './token-view';
import { TokenChanges, TokensRepository } from './tokens.repository';

const NOT_FOUND = () => new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such token.');

/** Reading, renaming, re-dating, revoking and rotating the API tokens of an account. */
@Injectable()
export class TokenManagementService {
  constructor(
    private readonly repository: TokensRepository,
    private readonly statePublisher: TokenStatePublisher,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async list(principal: Principal, kind: 'account' | 'campaign', campaignId?: string): Promise<TokenView[]> {
    const tokens = await this.repository.list(principal.account_id, { kind, campaignId }, 1000);
    return tokens.map((token) => this.view(token));
  }

  async get(principal: Principal, id: string): Promise<TokenView> {
    return this.view(await this.find(principal, id));
  }

  async update(principal: Principal, id: string, body: UpdateTokenBody): Promise<TokenView> {
    const problems = expiryProblems(body.expires_at);
    if (problems.length > 0) throw validationProblem(problems);
    const changes: TokenChanges = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.expires_at !== undefined) changes.expires_at = body.expires_at;
    if (body.rate_limit_per_minute !== undefined) changes.rate_limit_per_minute = body.rate_limit_per_minute;
    return this.view(await this.change(principal, id, () => changes));
  }

  async revoke(principal: Principal, id: string): Promise<TokenView> {
    const revokedAt = new Date().toISOString();
    return this.view(await this.change(principal, id, (token) => ({ revoked_at: token.revoked_at ?? revokedAt })));
  }

  /** A new secret for the same token id; the old secret keeps working for the grace period (default 0). */
  async rotate(principal: Principal, id: string, body: RotateTokenBody): Promise<TokenView & { token: string }> {
    const existing = await this.find(principal, id);
    const publicId = publicIdOfTokenId('api_token', existing._id);
    if (existing.revoked_at || !publicId) {
      throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', 'A revoked token cannot be rotated.');
    }
    const generated = generateTokenString('api_token', { publicId });
    const graceSeconds = body.grace_period_seconds ?? 0;
    const now = Date.now();
    const changed = await this.change(principal, id, (token) => {
      // Keep the previous secret only for the grace period; older ones are dropped now.
      const previous = token.secret_hashes.find((hash) => hash.valid_until === null);
      const kept =
        graceSeconds > 0 && previous
          ? [{ ...previous, valid_until: new Date(now + graceSeconds * 1000).toISOString() }]
          : [];
      return { secret_hashes: [{ sha256: hashSecret(generated.secret), valid_until: null }, ...kept] };
    });
    return { ...this.view(changed), token: generated.token };
  }

  /** Revokes every live access token issued from a credential (when it is disabled). */
  async revokeAccessTokensOf(credentialId: string): Promise<void> {
    for (const token of await this.repository.findLiveAccessTokensOf(credentialId)) await this.revokeAccessToken(token);
  }

  async revokeAccessToken(token: TokenDocument): Promise<void> {
    const updated = await this.repository.update(token._id, token.version, { revoked_at: new Date().toISOString() });
    if (updated) await this.statePublisher.publish(updated);
  }

  private async find(principal: Principal, id: string): Promise<TokenDocument> {
    const token = await this.repository.findInAccount(principal.account_id, id);
    if (!token || token.kind === 'access') throw NOT_FOUND();
    return token;
  }

  /** Read, change, write with the version guard; retried a few times if another writer got there first. */
  private async change(
    principal: Principal,
    id: string,
    changesFor: (token: TokenDocument) => TokenChanges,
  ): Promise<TokenDocument> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const token = await this.find(principal, id);
      const updated = await this.repository.update(token._id, token.version, changesFor(token));
      if (updated) {
        await this.statePublisher.publish(updated);
        return updated;
      }
    }
    throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', 'The token is being changed; try again.');
  }

  private view(token: TokenDocument): TokenView {
    return toTokenView(token, this.config.PUBLIC_BASE_URL);
  }
}

import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { generateTokenString, hashSecret, publicIdOfTokenId } from '@leadgate/auth-core';
import { Principal, ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { IdentityConfig } from '../config';
import { maySeeSecretsOf, requirePrivilege } from '../privilege/privilege-rule';
import { RotateTokenBody, UpdateTokenBody } from './dto/token-bodies';
import { expiryProblems, validationProblem } from './scope-rules';
import { newDocsKey } from './token-issuer';
import { TokenDocument } from './token.schema';
import { TokenStatePublisher } from './token-state.publisher';
import { toTokenView, TokenView } from './token-view';
import { TokenChanges, TokensRepository } from './tokens.repository';

const NOT_FOUND = () => new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such token.');

/** An access token's revocation is retried this often on a version conflict before it gives up loudly. */
const ACCESS_REVOCATION_ATTEMPTS = 100;

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
    return tokens.map((token) => this.view(principal, token));
  }

  async get(principal: Principal, id: string): Promise<TokenView> {
    return this.view(principal, await this.find(principal, id));
  }

  async update(principal: Principal, id: string, body: UpdateTokenBody): Promise<TokenView> {
    const problems = expiryProblems(body.expires_at);
    if (problems.length > 0) throw validationProblem(problems);
    const changes: TokenChanges = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.expires_at !== undefined) changes.expires_at = body.expires_at;
    if (body.rate_limit_per_minute !== undefined) changes.rate_limit_per_minute = body.rate_limit_per_minute;
    return this.view(principal, await this.change(principal, id, () => changes));
  }

  async revoke(principal: Principal, id: string): Promise<TokenView> {
    const revokedAt = new Date().toISOString();
    const revoked = await this.change(principal, id, (token) => ({ revoked_at: token.revoked_at ?? revokedAt }));
    return this.view(principal, revoked);
  }

  /**
   * A new secret and a new docs key for the same token id; the old secret and the old docs link
   * keep working for the grace period (default 0: they die now). Older ones are dropped now.
   */
  async rotate(principal: Principal, id: string, body: RotateTokenBody): Promise<TokenView & { token: string }> {
    const existing = await this.findManageable(principal, id);
    const publicId = publicIdOfTokenId('api_token', existing._id);
    if (existing.revoked_at || !publicId) {
      throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', 'A revoked token cannot be rotated.');
    }
    const generated = generateTokenString('api_token', { publicId });
    const docsKey = newDocsKey();
    const graceSeconds = body.grace_period_seconds ?? 0;
    const graceUntil = new Date(Date.now() + graceSeconds * 1000).toISOString();
    const changed = await this.change(principal, id, (token) => {
      const previous = token.secret_hashes.find((hash) => hash.valid_until === null);
      const keptSecrets = graceSeconds > 0 && previous ? [{ ...previous, valid_until: graceUntil }] : [];
      const keptDocsKeys = graceSeconds > 0 && token.docs_key ? [{ key: token.docs_key, valid_until: graceUntil }] : [];
      return {
        secret_hashes: [{ sha256: hashSecret(generated.secret), valid_until: null }, ...keptSecrets],
        docs_key: token.docs_key === null ? null : docsKey,
        previous_docs_keys: keptDocsKeys,
      };
    });
    return { ...this.view(principal, changed), token: generated.token };
  }

  /** Revokes every live access token issued from a credential (when it is disabled). */
  async revokeAccessTokensOf(credentialId: string): Promise<void> {
    for (const token of await this.repository.findLiveAccessTokensOf(credentialId)) await this.revokeAccessToken(token);
  }

  /**
   * Revokes an access token, whatever else writes it meanwhile: on a version conflict it reads the
   * token again and retries, until the token is revoked (by this call or another). A revocation
   * that was answered 200 must never be lost to a race.
   */
  async revokeAccessToken(token: TokenDocument): Promise<void> {
    let current: TokenDocument | null = token;
    for (let attempt = 0; attempt < ACCESS_REVOCATION_ATTEMPTS; attempt++) {
      if (!current || current.revoked_at) return;
      const updated = await this.repository.update(current._id, current.version, {
        revoked_at: new Date().toISOString(),
      });
      if (updated) {
        await this.statePublisher.publish(updated);
        return;
      }
      current = await this.repository.findById(current._id);
    }
    throw new Error(`access token ${token._id} could not be revoked after ${ACCESS_REVOCATION_ATTEMPTS} attempts`);
  }

  /** An API token of the caller's account (404 otherwise, access tokens included). */
  private async find(principal: Principal, id: string): Promise<TokenDocument> {
    const token = await this.repository.findInAccount(principal.account_id, id);
    if (!token || token.kind === 'access') throw NOT_FOUND();
    return token;
  }

  /** `find`, then the privilege rule: the caller's scopes must cover the token's (403 otherwise). */
  private async findManageable(principal: Principal, id: string): Promise<TokenDocument> {
    const token = await this.find(principal, id);
    requirePrivilege(principal, 'tokens:write', { what: 'this token', scopes: token.scopes });
    return token;
  }

  /** Read, check, change, write with the version guard; retried a few times if another writer got there first. */
  private async change(
    principal: Principal,
    id: string,
    changesFor: (token: TokenDocument) => TokenChanges,
  ): Promise<TokenDocument> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const token = await this.findManageable(principal, id);
      const updated = await this.repository.update(token._id, token.version, changesFor(token));
      if (updated) {
        await this.statePublisher.publish(updated);
        return updated;
      }
    }
    throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', 'The token is being changed; try again.');
  }

  /** The docs link is secret-bearing: shown only to a caller whose scopes cover the token's. */
  private view(principal: Principal, token: TokenDocument): TokenView {
    return toTokenView(token, this.config.PUBLIC_BASE_URL, {
      showDocsUrl: maySeeSecretsOf(principal, token.scopes),
    });
  }
}

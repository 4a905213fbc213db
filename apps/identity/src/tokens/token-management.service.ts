import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { FieldAccess } from '@leadgate/contracts';
import { generateTokenString, hashSecret, publicIdOfTokenId } from '@leadgate/auth-core';
import { Principal, ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { CampaignReferences } from '@identity/campaign-references/campaign-references';
import { IdentityConfig } from '@identity/config';
import { maySeeSecretsOf, requirePrivilege } from '@identity/privilege/privilege-rule';
import { TokenUsageRepository } from '@identity/token-usage/token-usage.repository';
import { RotateTokenBody, UpdateTokenBody } from './dto/token-bodies';
import { expiryProblems, validationProblem } from './scope-rules';
import { checkFieldAccess } from './token-field-access';
import { newDocsKey } from './token-issuer';
import { TokenDocument } from './token.schema';
import { TokenStatePublisher } from './token-state.publisher';
import { toTokenView, TokenView } from './token-view';
import { TokenChanges, TokensRepository } from './tokens.repository';

const NOT_FOUND = () => new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such token.');

/** An access token's revocation is tried (and read back) this often before it gives up loudly. */
const ACCESS_REVOCATION_ATTEMPTS = 100;
/** How often a revocation must be read back, and the pause between reads (see revokeAccessToken). */
const REVOCATION_READ_BACKS = 2;
const REVOCATION_READ_BACK_PAUSE_MS = 50;
/** Access tokens of a disabled credential revoked at once. */
const REVOCATION_PARALLELISM = 16;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const later = (a: string | null, b: string | null | undefined) => (a && b ? (a > b ? a : b) : (a ?? b ?? null));

/** Reading, renaming, re-dating, revoking and rotating the API tokens of an account. */
@Injectable()
export class TokenManagementService {
  constructor(
    private readonly repository: TokensRepository,
    private readonly statePublisher: TokenStatePublisher,
    private readonly usage: TokenUsageRepository,
    private readonly campaigns: CampaignReferences,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async list(principal: Principal, kind: 'account' | 'campaign', campaignId?: string): Promise<TokenView[]> {
    const tokens = await this.repository.list(principal.account_id, { kind, campaignId }, 1000);
    const lastUsed = await this.usage.lastUsedOf(tokens.map((token) => token._id));
    return tokens.map((token) => this.view(principal, token, lastUsed.get(token._id)));
  }

  async get(principal: Principal, id: string): Promise<TokenView> {
    const token = await this.find(principal, id);
    return this.view(principal, token, await this.lastUsedAt(token._id));
  }

  async update(principal: Principal, id: string, body: UpdateTokenBody): Promise<TokenView> {
    const problems = expiryProblems(body.expires_at);
    const changes: TokenChanges = {};
    if (body.field_access !== undefined) {
      // The privilege rule first: a caller that may not change the token learns nothing of it.
      const token = await this.findManageable(principal, id);
      const checked = await this.checkedFieldAccess(token, body.field_access);
      if (checked.ok) changes.field_access = checked.access;
      else problems.push(...checked.problems);
    }
    if (problems.length > 0) throw validationProblem(problems);
    if (body.name !== undefined) changes.name = body.name;
    if (body.expires_at !== undefined) changes.expires_at = body.expires_at;
    if (body.rate_limit_per_minute !== undefined) changes.rate_limit_per_minute = body.rate_limit_per_minute;
    const changed = await this.change(principal, id, () => changes);
    return this.view(principal, changed, await this.lastUsedAt(changed._id));
  }

  async revoke(principal: Principal, id: string): Promise<TokenView> {
    const revokedAt = new Date().toISOString();
    const revoked = await this.change(principal, id, (token) => ({ revoked_at: token.revoked_at ?? revokedAt }));
    return this.view(principal, revoked, await this.lastUsedAt(revoked._id));
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
    return { ...this.view(principal, changed, await this.lastUsedAt(changed._id)), token: generated.token };
  }

  /** Revokes every live access token issued from a credential (when it is disabled). */
  async revokeAccessTokensOf(credentialId: string): Promise<void> {
    const live = await this.repository.findLiveAccessTokensOf(credentialId);
    for (let start = 0; start < live.length; start += REVOCATION_PARALLELISM) {
      await Promise.all(
        live.slice(start, start + REVOCATION_PARALLELISM).map((token) => this.revokeAccessToken(token)),
      );
    }
  }

  /**
   * Revokes an access token, whatever else writes it meanwhile. On a version conflict it reads the
   * token again and retries. Once revoked, it reads the token back, twice with a pause between:
   * FerretDB v1 writes an update as a read and then a whole-document write (ADR 001), so a writer
   * that read the token just before this revocation can still put its older copy over it; a lost
   * revocation is written again. Only a revocation that reads back revoked is answered.
   */
  async revokeAccessToken(token: TokenDocument): Promise<void> {
    const revokedAt = new Date().toISOString();
    let current: TokenDocument | null = token;
    let readBacks = 0;
    for (let attempt = 0; attempt < ACCESS_REVOCATION_ATTEMPTS; attempt++) {
      if (!current) return;
      if (current.revoked_at) {
        if (++readBacks >= REVOCATION_READ_BACKS) return;
        await pause(REVOCATION_READ_BACK_PAUSE_MS);
      } else {
        readBacks = 0;
        const updated = await this.repository.update(current._id, current.version, { revoked_at: revokedAt });
        if (updated) await this.statePublisher.publish(updated);
      }
      current = await this.repository.findById(token._id);
    }
    throw new Error(`access token ${token._id} could not be revoked after ${ACCESS_REVOCATION_ATTEMPTS} attempts`);
  }

  /**
   * Field access is for campaign tokens only (API.md §13), checked against the token's campaign and
   * whether it writes. Kind, campaign and permissions never change, so a check made before the
   * version-guarded write still holds at the write.
   */
  private async checkedFieldAccess(token: TokenDocument, access: FieldAccess) {
    if (token.kind !== 'campaign' || token.campaign_id === null) {
      return {
        ok: false as const,
        problems: [{ path: 'field_access', message: 'only campaign tokens have field access' }],
      };
    }
    const writes = token.permissions?.includes('write') ?? false;
    return checkFieldAccess(this.campaigns, token.account_id, token.campaign_id, access, writes);
  }

  private async lastUsedAt(tokenId: string): Promise<string | undefined> {
    return (await this.usage.lastUsedOf([tokenId])).get(tokenId);
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
  private view(principal: Principal, token: TokenDocument, lastUsedAt?: string): TokenView {
    // Usage stamps live apart from the token (token-usage.schema.ts); older tokens may hold one too.
    const used = { ...token, last_used_at: later(token.last_used_at, lastUsedAt) };
    return toTokenView(used, this.config.PUBLIC_BASE_URL, {
      showDocsUrl: maySeeSecretsOf(principal, token.scopes),
    });
  }
}

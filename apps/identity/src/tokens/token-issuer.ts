import { Injectable } from '@nestjs/common';
import { generateTokenString, hashSecret, tokenIdFor } from '@leadgate/auth-core';
import { randomBytes } from 'node:crypto';
import { TokenDocument } from './token.schema';
import { TokenStatePublisher } from './token-state.publisher';
import { TokensRepository } from './tokens.repository';

export type NewToken = Pick<
  TokenDocument,
  | 'account_id'
  | 'kind'
  | 'name'
  | 'scopes'
  | 'permissions'
  | 'campaign_id'
  | 'filter_id'
  | 'credential_id'
  | 'expires_at'
  | 'rate_limit_per_minute'
  | 'created_by'
> &
  Partial<Pick<TokenDocument, 'field_access'>>;

export interface IssuedToken {
  document: TokenDocument;
  /** The whole token string: returned to the caller once, never stored, never logged. */
  token: string;
}

/** An unguessable key for a token's public documentation link (192 random bits). */
export function newDocsKey(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Makes a token: a fresh token string, only the SHA-256 of its secret stored, a docs key for its
 * public documentation, stored first and then published (state outbox), so a token that the caller
 * was shown is one the gateways will learn about.
 */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly repository: TokensRepository,
    private readonly statePublisher: TokenStatePublisher,
  ) {}

  async issue(fields: NewToken): Promise<IssuedToken> {
    const generated = generateTokenString(fields.kind === 'access' ? 'access_token' : 'api_token');
    const now = new Date().toISOString();
    const document: TokenDocument = {
      ...fields,
      field_access: fields.field_access ?? null,
      _id: tokenIdFor(generated.kind, generated.publicId),
      secret_hashes: [{ sha256: hashSecret(generated.secret), valid_until: null }],
      docs_key: fields.kind === 'access' ? null : newDocsKey(),
      previous_docs_keys: [],
      revoked_at: null,
      version: 1,
      publish_pending: true,
      created_at: now,
      updated_at: now,
      last_used_at: null,
    };
    await this.repository.insert(document);
    await this.statePublisher.publish(document);
    return { document, token: generated.token };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { TokenStateV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher, StateOutboxService } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { IdentityConfig } from '@identity/config';
import { TokenDocument } from './token.schema';
import { TokensRepository } from './tokens.repository';

export function toTokenState(token: TokenDocument): TokenStateV1 {
  return {
    id: token._id,
    account_id: token.account_id,
    kind: token.kind,
    name: token.name,
    scopes: token.scopes,
    permissions: token.permissions,
    campaign_id: token.campaign_id,
    filter_id: token.filter_id,
    field_access: token.field_access ?? null,
    credential_id: token.credential_id,
    secret_hashes: token.secret_hashes,
    docs_key: token.docs_key,
    previous_docs_keys: token.previous_docs_keys ?? [],
    expires_at: token.expires_at,
    revoked_at: token.revoked_at,
    rate_limit_per_minute: token.rate_limit_per_minute,
    version: token.version,
    updated_at: token.updated_at,
  };
}

/** Publishes token state (never a secret) to `identity.tokens.v1` through a state outbox. */
@Injectable()
export class TokenStatePublisher extends StateOutboxService<typeof TOPICS.identityTokens, TokenDocument> {
  constructor(
    publisher: KafkaPublisher,
    repository: TokensRepository,
    @Inject(SERVICE_CONFIG) config: IdentityConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super(TOPICS.identityTokens, repository, toTokenState, {
      publisher,
      logger,
      sweepIntervalMs: config.STATE_REPUBLISH_INTERVAL_MS,
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { SessionStateV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher, StateOutboxService } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { IdentityConfig } from '@identity/config';
import { SessionDocument } from './session.schema';
import { SessionsRepository } from './sessions.repository';

export function toSessionState(session: SessionDocument): SessionStateV1 {
  return {
    id: session._id,
    account_id: session.account_id,
    user_id: session.user_id,
    secret_sha256: session.secret_sha256,
    created_at: session.created_at,
    expires_at: session.expires_at,
    idle_expires_at: session.idle_expires_at,
    revoked_at: session.revoked_at,
    version: session.version,
    updated_at: session.updated_at,
  };
}

/** Publishes console sessions to `identity.sessions.v1`: every gateway checks them locally. */
@Injectable()
export class SessionStatePublisher extends StateOutboxService<typeof TOPICS.identitySessions, SessionDocument> {
  constructor(
    publisher: KafkaPublisher,
    repository: SessionsRepository,
    @Inject(SERVICE_CONFIG) config: IdentityConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super(TOPICS.identitySessions, repository, toSessionState, {
      publisher,
      logger,
      sweepIntervalMs: config.STATE_REPUBLISH_INTERVAL_MS,
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { CredentialStateV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher, StateOutboxService } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { IdentityConfig } from '@identity/config';
import { CredentialDocument } from './credential.schema';
import { CredentialsRepository } from './credentials.repository';

export function toCredentialState(credential: CredentialDocument): CredentialStateV1 {
  const { _id, account_id, client_id, description, scope_groups, enabled, version, updated_at } = credential;
  return { id: _id, account_id, client_id, description, scope_groups, enabled, version, updated_at };
}

/** Publishes credential state (no secret, not even hashed) to `identity.credentials.v1`. */
@Injectable()
export class CredentialStatePublisher extends StateOutboxService<
  typeof TOPICS.identityCredentials,
  CredentialDocument
> {
  constructor(
    publisher: KafkaPublisher,
    repository: CredentialsRepository,
    @Inject(SERVICE_CONFIG) config: IdentityConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super(TOPICS.identityCredentials, repository, toCredentialState, {
      publisher,
      logger,
      sweepIntervalMs: config.STATE_REPUBLISH_INTERVAL_MS,
    });
  }
}

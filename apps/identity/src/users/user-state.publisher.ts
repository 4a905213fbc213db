import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, UserStateV1 } from '@leadgate/contracts';
import { KafkaPublisher, StateOutboxService } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { IdentityConfig } from '@identity/config';
import { UserDocument } from './user.schema';
import { UsersRepository } from './users.repository';

/** The published state of a user: a tombstone once removed. Never a password or invitation hash. */
export function toUserState(user: UserDocument): UserStateV1 | null {
  if (user.removed_at !== null) return null;
  const { _id, account_id, email, role, status, version, updated_at } = user;
  return { id: _id, account_id, email, role, status, version, updated_at };
}

/** Publishes people to `identity.users.v1` (the gateways check sessions against them). */
@Injectable()
export class UserStatePublisher extends StateOutboxService<typeof TOPICS.identityUsers, UserDocument> {
  constructor(
    publisher: KafkaPublisher,
    repository: UsersRepository,
    @Inject(SERVICE_CONFIG) config: IdentityConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super(TOPICS.identityUsers, repository, toUserState, {
      publisher,
      logger,
      sweepIntervalMs: config.STATE_REPUBLISH_INTERVAL_MS,
    });
  }
}

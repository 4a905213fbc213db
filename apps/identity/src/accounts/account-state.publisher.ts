import { Inject, Injectable } from '@nestjs/common';
import { AccountStateV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher, StateOutboxService } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { IdentityConfig } from '@identity/config';
import { AccountDocument } from './account.schema';
import { AccountsRepository } from './accounts.repository';

export function toAccountState(account: AccountDocument): AccountStateV1 {
  const { _id, name, default_rate_limit_per_minute, version, updated_at } = account;
  return { id: _id, name, default_rate_limit_per_minute, version, updated_at };
}

/** Publishes account settings to `identity.accounts.v1` (the gateways read the default rate limit). */
@Injectable()
export class AccountStatePublisher extends StateOutboxService<typeof TOPICS.identityAccounts, AccountDocument> {
  constructor(
    publisher: KafkaPublisher,
    repository: AccountsRepository,
    @Inject(SERVICE_CONFIG) config: IdentityConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super(TOPICS.identityAccounts, repository, toAccountState, {
      publisher,
      logger,
      sweepIntervalMs: config.STATE_REPUBLISH_INTERVAL_MS,
    });
  }
}

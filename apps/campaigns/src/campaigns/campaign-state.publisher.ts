import { Inject, Injectable } from '@nestjs/common';
import { CampaignSchemaStateV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher, StateOutboxService } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { CampaignsConfig } from '../config';
import { CampaignDocument } from './campaign.schema';
import { CampaignsRepository } from './campaigns.repository';

export function toCampaignState(document: CampaignDocument): CampaignSchemaStateV1 {
  const { _id, account_id, name, fields, selects, statuses, relations, receiver, version, updated_at } = document;
  return { id: _id, account_id, name, fields, selects, statuses, relations, receiver, version, updated_at };
}

/** Publishes campaign state to `campaigns.schemas.v1` through a state outbox (see StateOutbox). */
@Injectable()
export class CampaignStatePublisher extends StateOutboxService<typeof TOPICS.campaignSchemas, CampaignDocument> {
  constructor(
    publisher: KafkaPublisher,
    repository: CampaignsRepository,
    @Inject(SERVICE_CONFIG) config: CampaignsConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    // A deleted campaign leaves the state topic: a tombstone.
    super(TOPICS.campaignSchemas, repository, (document) => (document.deleted_at ? null : toCampaignState(document)), {
      publisher,
      logger,
      sweepIntervalMs: config.STATE_REPUBLISH_INTERVAL_MS,
    });
  }
}

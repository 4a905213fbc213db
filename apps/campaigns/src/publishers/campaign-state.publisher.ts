import { Inject, Injectable } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaPublisher, StateOutboxService } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { CampaignsConfig } from '@campaigns/config';
import { CampaignDocument } from '@campaigns/store/campaign.schema';
import { toCampaignState } from '@campaigns/store/campaign-view';
import { CampaignsRepository } from '@campaigns/store/campaigns.repository';

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

import { Inject, Injectable } from '@nestjs/common';
import { FilterStateV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher, StateOutboxService } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { CampaignsConfig } from '../config';
import { FilterDocument } from './filter.schema';
import { FiltersRepository } from './filters.repository';

export function toFilterState(filter: FilterDocument): FilterStateV1 {
  const { _id, account_id, campaign_id, name, condition, version, updated_at } = filter;
  return { id: _id, account_id, campaign_id, name, condition, version, updated_at };
}

/** Publishes filter state to `campaigns.filters.v1`; a deleted filter becomes a tombstone. */
@Injectable()
export class FilterStatePublisher extends StateOutboxService<typeof TOPICS.campaignFilters, FilterDocument> {
  constructor(
    publisher: KafkaPublisher,
    repository: FiltersRepository,
    @Inject(SERVICE_CONFIG) config: CampaignsConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super(TOPICS.campaignFilters, repository, (filter) => (filter.deleted_at ? null : toFilterState(filter)), {
      publisher,
      logger,
      sweepIntervalMs: config.STATE_REPUBLISH_INTERVAL_MS,
    });
  }
}

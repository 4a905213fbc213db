import { Inject, Injectable } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaPublisher, StateOutboxService } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { CampaignsConfig } from '@campaigns/config';
import { FilterDocument } from '@campaigns/store/filter.schema';
import { toFilterState } from '@campaigns/store/filter-view';
import { FiltersRepository } from '@campaigns/store/filters.repository';

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

import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CampaignSchemaStateV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher } from '@leadgate/kafka';
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

/**
 * Publishes campaign state to `campaigns.schemas.v1`. A write is stored with `publish_pending`
 * first; if the broker is down when the request publishes, the periodic sweep publishes it later,
 * so no accepted change is missing from the state topic (the state is whole, so a repeat is harmless).
 */
@Injectable()
export class CampaignStatePublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly repository: CampaignsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: CampaignsConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async publish(document: CampaignDocument): Promise<void> {
    await this.publisher.publish(TOPICS.campaignSchemas, document._id, toCampaignState(document));
    await this.repository.markPublished(document._id, document.version);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.STATE_REPUBLISH_INTERVAL_MS);
    this.timer.unref();
    void this.sweep();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    try {
      for (const document of await this.repository.findUnpublished(100)) await this.publish(document);
    } catch (error) {
      this.logger.warn({ err: error }, 'campaign state republish failed; will retry');
    }
  }
}

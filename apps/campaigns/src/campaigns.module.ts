import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@leadgate/audit';
import { MongooseModule } from '@nestjs/mongoose';
import { TOPICS } from '@leadgate/contracts';
import { KafkaModule } from '@leadgate/kafka';
import { MongoModule } from '@leadgate/mongo';
import { CampaignSchemaEditor } from './campaign-schema/campaign-schema.editor';
import { FieldsController } from './campaign-schema/fields.controller';
import { ReceiverController } from './campaign-schema/receiver.controller';
import { RelationsController } from './campaign-schema/relations.controller';
import { SelectOptionsController } from './campaign-schema/select-options.controller';
import { SelectsController } from './campaign-schema/selects.controller';
import { StatusesController } from './campaign-schema/statuses.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { CampaignsConfig } from './config';
import { FiltersController } from './filters/filters.controller';
import { FiltersService } from './filters/filters.service';
import { PartnerSchemaController } from './partner-schema/partner-schema.controller';
import { CampaignStatePublisher } from './publishers/campaign-state.publisher';
import { FilterStatePublisher } from './publishers/filter-state.publisher';
import { CAMPAIGN_MODEL, campaignSchema } from './store/campaign.schema';
import { CampaignsRepository } from './store/campaigns.repository';
import { FILTER_MODEL, filterSchema } from './store/filter.schema';
import { FiltersRepository } from './store/filters.repository';
import { TokenStates } from './store/token-states';

/**
 * The campaigns service: campaigns, their schema pieces and filters (one module, since schema
 * changes check the filters); publishes schema and filter state. The one place that wires every
 * room (docs/ARCHITECTURE.md).
 */
@Module({
  controllers: [
    CampaignsController,
    FieldsController,
    SelectsController,
    SelectOptionsController,
    StatusesController,
    RelationsController,
    ReceiverController,
    FiltersController,
    PartnerSchemaController,
  ],
  providers: [
    CampaignsRepository,
    CampaignsService,
    CampaignStatePublisher,
    CampaignSchemaEditor,
    FiltersRepository,
    FiltersService,
    FilterStatePublisher,
    TokenStates,
  ],
})
export class CampaignsModule {
  static register(config: CampaignsConfig): DynamicModule {
    return {
      module: CampaignsModule,
      imports: [
        MongoModule.forRoot({ database: config.MONGO_DATABASE }),
        AuditModule,
        // Token state, so a filter or a field that live tokens use is not pulled from under them,
        // and the partner schema shows a token its fields as its field access allows.
        KafkaModule.forRoot({ readModels: [TOPICS.identityTokens] }),
        MongooseModule.forFeature([
          { name: CAMPAIGN_MODEL, schema: campaignSchema },
          { name: FILTER_MODEL, schema: filterSchema },
        ]),
      ],
    };
  }
}

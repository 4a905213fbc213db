import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FILTER_MODEL, filterSchema } from '../filters/filter.schema';
import { FilterStatePublisher } from '../filters/filter-state.publisher';
import { FiltersController } from '../filters/filters.controller';
import { FiltersRepository } from '../filters/filters.repository';
import { FiltersService } from '../filters/filters.service';
import { PartnerSchemaController } from '../partner-schema/partner-schema.controller';
import { CampaignSchemaEditor } from '../schema/campaign-schema.editor';
import { ReceiverController } from '../schema/receiver.controller';
import { SelectOptionsController } from '../schema/select-options.controller';
import {
  FieldsController,
  RelationsController,
  SelectsController,
  StatusesController,
} from '../schema/schema-piece.controllers';
import { CAMPAIGN_MODEL, campaignSchema } from './campaign.schema';
import { CampaignStatePublisher } from './campaign-state.publisher';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

/** Campaigns, their schema pieces and filters: one module, since schema changes check the filters. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CAMPAIGN_MODEL, schema: campaignSchema },
      { name: FILTER_MODEL, schema: filterSchema },
    ]),
  ],
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
  ],
})
export class CampaignsFeatureModule {}

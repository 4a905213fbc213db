import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CAMPAIGN_MODEL, campaignSchema } from './campaign.schema';
import { CampaignStatePublisher } from './campaign-state.publisher';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: CAMPAIGN_MODEL, schema: campaignSchema }])],
  controllers: [CampaignsController],
  providers: [CampaignsRepository, CampaignsService, CampaignStatePublisher],
})
export class CampaignsFeatureModule {}

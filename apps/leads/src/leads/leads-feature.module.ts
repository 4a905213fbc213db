import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LeadEventRelay } from '../events/lead-event.relay';
import { IDEMPOTENCY_MODEL, idempotencyRecordSchema } from '../idempotency/idempotency-record.schema';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LeadScopeService } from '../scope/lead-scope.service';
import { LEAD_MODEL, leadSchema } from './lead.schema';
import { LeadReadsService } from './lead-reads.service';
import { LeadUpdatesService } from './lead-updates.service';
import { LeadWriter } from './lead-writer';
import { LeadsController } from './leads.controller';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: LEAD_MODEL, schema: leadSchema },
      { name: IDEMPOTENCY_MODEL, schema: idempotencyRecordSchema },
    ]),
  ],
  controllers: [LeadsController],
  providers: [
    LeadsRepository,
    LeadScopeService,
    LeadWriter,
    LeadsService,
    LeadReadsService,
    LeadUpdatesService,
    LeadEventRelay,
    IdempotencyService,
  ],
  exports: [LeadsService, LeadScopeService, LeadReadsService],
})
export class LeadsFeatureModule {}

import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LEAD_CHANGE_MODEL, leadChangeSchema } from '../changes/lead-change.schema';
import { LeadChangesRepository } from '../changes/lead-changes.repository';
import { LeadStore } from '../changes/lead-store.service';
import { LeadEventRelay } from '../events/lead-event.relay';
import { LeadFilesController } from '../files/lead-files.controller';
import { LeadFilesRepository } from '../files/lead-files.repository';
import { LeadFilesService } from '../files/lead-files.service';
import { IDEMPOTENCY_MODEL, idempotencyRecordSchema } from '../idempotency/idempotency-record.schema';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { QuarantineController } from '../quarantine/quarantine.controller';
import { QUARANTINE_COUNT_MODEL, quarantineCountSchema } from '../quarantine/quarantine-count.schema';
import { QuarantineCountsRepository } from '../quarantine/quarantine-counts.repository';
import { QuarantineQuota } from '../quarantine/quarantine-quota';
import { QuarantineRepository } from '../quarantine/quarantine.repository';
import { QUARANTINE_MODEL, quarantinedPostSchema } from '../quarantine/quarantine.schema';
import { QuarantineService } from '../quarantine/quarantine.service';
import { ReceiverController } from '../receiver/receiver.controller';
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
      { name: LEAD_CHANGE_MODEL, schema: leadChangeSchema },
      { name: IDEMPOTENCY_MODEL, schema: idempotencyRecordSchema },
      { name: QUARANTINE_MODEL, schema: quarantinedPostSchema },
      { name: QUARANTINE_COUNT_MODEL, schema: quarantineCountSchema },
    ]),
  ],
  controllers: [LeadsController, LeadFilesController, ReceiverController, QuarantineController],
  providers: [
    LeadsRepository,
    LeadChangesRepository,
    LeadStore,
    LeadScopeService,
    LeadWriter,
    LeadsService,
    LeadReadsService,
    LeadUpdatesService,
    LeadEventRelay,
    IdempotencyRepository,
    IdempotencyService,
    QuarantineRepository,
    QuarantineCountsRepository,
    QuarantineQuota,
    QuarantineService,
    LeadFilesRepository,
    LeadFilesService,
  ],
  exports: [LeadsService, LeadScopeService, LeadReadsService],
})
export class LeadsFeatureModule {}

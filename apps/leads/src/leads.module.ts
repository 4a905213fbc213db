import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@leadgate/audit';
import { MongooseModule } from '@nestjs/mongoose';
import { TOPICS } from '@leadgate/contracts';
import { KafkaModule } from '@leadgate/kafka';
import { MongoModule } from '@leadgate/mongo';
import { bulkheadProviders } from '@leadgate/service-kit';
import { AccessInsightController } from './access-insight/access-insight.controller';
import { FilterPreviewService } from './access-insight/filter-preview.service';
import { LeadAccessService } from './access-insight/lead-access.service';
import { LeadsConfig } from './config';
import { LeadEventRelay } from './events/lead-event.relay';
import { LeadFilesController } from './files/lead-files.controller';
import { LeadFilesRepository } from './files/lead-files.repository';
import { LeadFilesService } from './files/lead-files.service';
import { IDEMPOTENCY_MODEL, idempotencyRecordSchema } from './idempotency/idempotency-record.schema';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { LeadCreateGroups } from './leads/lead-create-groups';
import { LeadCreationService } from './leads/lead-creation.service';
import { LeadReadsService } from './leads/lead-reads.service';
import { LeadUpdatesService } from './leads/lead-updates.service';
import { LeadWriter } from './leads/lead-writer';
import { LeadsController } from './leads/leads.controller';
import { QuarantineController } from './quarantine/quarantine.controller';
import { QUARANTINE_COUNT_MODEL, quarantineCountSchema } from './quarantine/quarantine-count.schema';
import { QuarantineCountsRepository } from './quarantine/quarantine-counts.repository';
import { QuarantineQuota } from './quarantine/quarantine-quota';
import { QuarantineRepository } from './quarantine/quarantine.repository';
import { QUARANTINE_MODEL, quarantinedPostSchema } from './quarantine/quarantine.schema';
import { QuarantineService } from './quarantine/quarantine.service';
import { ReceiverController } from './receiver/receiver.controller';
import { LeadScopeService } from './scope/lead-scope.service';
import { LEAD_CHANGE_MODEL, leadChangeSchema } from './store/lead-change.schema';
import { LeadChangesRepository } from './store/lead-changes.repository';
import { LEAD_OUTBOX_MODEL, leadOutboxSchema } from './store/lead-outbox.schema';
import { LeadOutboxRepository } from './store/lead-outbox.repository';
import { LeadStore } from './store/lead-store.service';
import { LEAD_MODEL, leadSchema } from './store/lead.schema';
import { LeadsRepository } from './store/leads.repository';
import { ListBucketBackfill } from './store/list-bucket-backfill';
import { ListPositions } from './store/list-positions';
import { LIST_SEQUENCE_MODEL, listSequenceSchema } from './store/list-sequence.schema';
import { ListSequencesRepository } from './store/list-sequences.repository';
import { STORE_MIGRATION_MODEL, storeMigrationSchema } from './store/store-migration.schema';
import { StoreMigrationsRepository } from './store/store-migrations.repository';

/**
 * The leads service: leads, files, the receiver and its quarantine. Keeps its own copies of
 * schemas, filters and token state. The one place that wires every room (docs/ARCHITECTURE.md).
 */
@Module({
  controllers: [
    LeadsController,
    LeadFilesController,
    ReceiverController,
    QuarantineController,
    AccessInsightController,
  ],
  providers: [
    LeadsRepository,
    LeadChangesRepository,
    LeadOutboxRepository,
    LeadStore,
    ListSequencesRepository,
    ListPositions,
    ListBucketBackfill,
    StoreMigrationsRepository,
    LeadScopeService,
    LeadWriter,
    LeadCreateGroups,
    LeadCreationService,
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
    FilterPreviewService,
    LeadAccessService,
  ],
})
export class LeadsModule {
  static register(config: LeadsConfig): DynamicModule {
    const maxWaitMs = config.BULKHEAD_MAX_WAIT_MS;
    return {
      module: LeadsModule,
      providers: bulkheadProviders({
        read: { concurrency: config.READ_CONCURRENCY, queue: 8 * config.READ_CONCURRENCY, maxWaitMs },
        write: { concurrency: config.WRITE_CONCURRENCY, queue: 8 * config.WRITE_CONCURRENCY, maxWaitMs },
        batch: { concurrency: config.BATCH_CONCURRENCY, queue: 8 * config.BATCH_CONCURRENCY, maxWaitMs },
      }),
      imports: [
        MongoModule.forRoot({ database: config.MONGO_DATABASE }),
        AuditModule,
        KafkaModule.forRoot({
          readModels: [TOPICS.campaignSchemas, TOPICS.campaignFilters, TOPICS.identityTokens],
        }),
        MongooseModule.forFeature([
          { name: LEAD_MODEL, schema: leadSchema },
          { name: LEAD_CHANGE_MODEL, schema: leadChangeSchema },
          { name: LEAD_OUTBOX_MODEL, schema: leadOutboxSchema },
          { name: LIST_SEQUENCE_MODEL, schema: listSequenceSchema },
          { name: STORE_MIGRATION_MODEL, schema: storeMigrationSchema },
          { name: IDEMPOTENCY_MODEL, schema: idempotencyRecordSchema },
          { name: QUARANTINE_MODEL, schema: quarantinedPostSchema },
          { name: QUARANTINE_COUNT_MODEL, schema: quarantineCountSchema },
        ]),
      ],
    };
  }
}

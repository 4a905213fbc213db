import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ROOT_LOGGER } from '@leadgate/observability';
import { Logger } from 'pino';
import { NewLead } from './lead.schema';
import { LeadsRepository } from './leads.repository';
import { ListPositions } from './list-positions';
import { StoreMigrationsRepository } from './store-migrations.repository';

const MIGRATION = 'list_buckets';
const BATCH = 1_000;

/**
 * Files leads stored before list buckets existed (ADR 014), once per database, in the background
 * after start: until it has run they are missing from list pages (reads by id are unaffected).
 * Replicas running it at once are harmless: a lead is filed only while it has no bucket.
 */
@Injectable()
export class ListBucketBackfill implements OnApplicationBootstrap {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly migrations: StoreMigrationsRepository,
    private readonly positions: ListPositions,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.run().catch((error: unknown) =>
      this.logger.error({ err: error }, 'filing older leads in list buckets failed; it runs again at the next start'),
    );
  }

  /** Answers how many leads it filed. */
  async run(): Promise<number> {
    if (await this.migrations.isDone(MIGRATION)) return 0;
    let filed = 0;
    let batch: NewLead[] = [];
    const fileBatch = async () => {
      batch.sort((a, b) =>
        a.created_at === b.created_at ? (a._id < b._id ? -1 : 1) : a.created_at < b.created_at ? -1 : 1,
      );
      await this.leads.file(await this.positions.place(batch));
      filed += batch.length;
      batch = [];
    };
    for await (const lead of this.leads.unfiled(BATCH)) {
      batch.push(lead);
      if (batch.length === BATCH) await fileBatch();
    }
    if (batch.length > 0) await fileBatch();
    await this.migrations.markDone(MIGRATION);
    if (filed > 0) this.logger.info({ filed }, 'older leads filed in list buckets');
    return filed;
  }
}

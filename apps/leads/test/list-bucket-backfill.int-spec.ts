import { MONGO_URL, uniqueRunId } from '@leadgate/testing';
import mongoose, { Connection, Model } from 'mongoose';
import pino from 'pino';
import { LeadDocument, leadSchema } from '@leads/store/lead.schema';
import { LeadsRepository } from '@leads/store/leads.repository';
import { ListBucketBackfill } from '@leads/store/list-bucket-backfill';
import { lastBucket } from '@leads/store/list-buckets';
import { ListPositions } from '@leads/store/list-positions';
import { ListSequenceDocument, listSequenceSchema } from '@leads/store/list-sequence.schema';
import { ListSequencesRepository } from '@leads/store/list-sequences.repository';
import { StoreMigrationDocument, storeMigrationSchema } from '@leads/store/store-migration.schema';
import { StoreMigrationsRepository } from '@leads/store/store-migrations.repository';

/** Leads stored before list buckets existed are filed once, in creation order, on the real store. */
describe('list bucket backfill', () => {
  let connection: Connection;
  let Leads: Model<LeadDocument>;
  let backfill: ListBucketBackfill;
  let sequences: ListSequencesRepository;
  const database = `${uniqueRunId()}_backfill`;

  beforeAll(async () => {
    connection = await mongoose.createConnection(MONGO_URL, { dbName: database }).asPromise();
    Leads = connection.model<LeadDocument>('Lead', leadSchema);
    sequences = new ListSequencesRepository(connection.model<ListSequenceDocument>('Seq', listSequenceSchema));
    backfill = new ListBucketBackfill(
      new LeadsRepository(Leads),
      new StoreMigrationsRepository(connection.model<StoreMigrationDocument>('Migration', storeMigrationSchema)),
      new ListPositions(sequences),
      pino({ level: 'silent' }),
    );
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('files every unfiled lead of each campaign in creation order, then never runs again', async () => {
    const old = Array.from({ length: 300 }, (_, index) => ({
      _id: `ld_old_${String(index).padStart(3, '0')}`,
      account_id: 'acc_1',
      campaign_id: index % 2 === 0 ? 'cmp_a' : 'cmp_b',
      fields: {},
      select_field_values: {},
      status: 'new',
      relations: {},
      version: 1,
      source: { kind: 'api', id: 'tok_1' },
      created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, 300 - index)).toISOString(), // newest first on disk
      updated_at: '2026-01-01T00:00:00.000Z',
    }));
    await connection.collection('leads').insertMany(old as never[]);

    expect(await backfill.run()).toBe(300);
    const filed = await Leads.find({}).lean<LeadDocument[]>();
    expect(filed.every((lead) => lead.list_bucket === `${lead.campaign_id}#${lead.list_bucket.split('#')[1]}`)).toBe(
      true,
    );
    for (const campaign of ['cmp_a', 'cmp_b']) {
      const leads = filed.filter((lead) => lead.campaign_id === campaign);
      const byTime = [...leads].sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
      const buckets = byTime.map((lead) => Number(lead.list_bucket.split('#')[1]));
      expect(buckets).toEqual([...buckets].sort((a, b) => a - b)); // older leads never in a later bucket
      expect(Math.max(...buckets)).toBeLessThanOrEqual(lastBucket(await sequences.numbered(campaign)));
    }

    await connection.collection('leads').insertOne({ ...old[0], _id: 'ld_after_the_migration' } as never);
    expect(await backfill.run()).toBe(0);
  });
});

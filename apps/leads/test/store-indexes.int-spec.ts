import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MONGO_URL, uniqueRunId } from '@leadgate/testing';
import mongoose, { Connection } from 'mongoose';
import { LeadDocument, leadSchema } from '@leads/store/lead.schema';
import { bucketOfPosition, listBucketKey } from '@leads/store/list-buckets';

const root = path.resolve(__dirname, '../../..');

function infra(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(root, 'tools/infra/infra.mjs'), ...args], {
    encoding: 'utf8',
    env: process.env,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of a PostgreSQL JSON plan (what FerretDB's explain hands back), with its index if any. */
function planNodes(plan: PlanNode): string[] {
  const here = `${plan['Node Type']}${plan['Index Name'] ? ` on ${plan['Index Name']}` : ''}`;
  return [here, ...(plan.Plans ?? []).flatMap(planNodes)];
}

const statusOutput = infra('status', '--json').output;
const backend = (JSON.parse(statusOutput.slice(statusOutput.indexOf('{'))) as { backend: string }).backend;
const onPostgres = backend === 'postgresql' ? describe : describe.skip;

/**
 * FerretDB v1 pushes `{ _id: { $eq } }` and top-level equalities down as jsonb containment, which
 * its btree indexes cannot serve; tools/infra adds GIN indexes on the same expressions, derived
 * from the indexes the schema declares. This checks they exist after `infra indexes` and that
 * the database uses them for the lead lookup the service makes.
 */
onPostgres('containment indexes of the embedded store (postgresql backend)', () => {
  let connection: Connection;
  const database = `${uniqueRunId()}_storeidx`;
  const campaignId = 'cmp_indexed';
  let ids: string[];

  beforeAll(async () => {
    connection = await mongoose.createConnection(MONGO_URL, { dbName: database }).asPromise();
    const Leads = connection.model<LeadDocument>('Lead', leadSchema);
    await Leads.init(); // the schema's indexes, as the service builds them at start
    const time = '2026-01-01T00:00:00.000Z';
    const leads = Array.from({ length: 3000 }, (_, index) => ({
      _id: `ld_${database}_${index}`,
      account_id: 'acc_1',
      campaign_id: index % 3 === 0 ? campaignId : `cmp_other_${index % 3}`,
      fields: { name: `Lead ${index}` },
      select_field_values: { select_partner: index % 2 === 0 ? 'SELECT_PARTNER' : 'OTHER' },
      status: 'new',
      relations: {},
      version: 1,
      source: { kind: 'api' as const, id: 'tok_1' },
      created_at: time,
      updated_at: time,
      list_bucket: listBucketKey(
        index % 3 === 0 ? campaignId : `cmp_other_${index % 3}`,
        bucketOfPosition(Math.floor(index / 3)),
      ),
    }));
    await Leads.insertMany(leads, { ordered: false });
    ids = leads.filter((lead) => lead.campaign_id === campaignId).map((lead) => lead._id);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('creates GIN indexes for _id and the leading field of every declared index, once', async () => {
    const first = infra('indexes', database);
    expect(first).toMatchObject({ status: 0 });
    const again = infra('indexes', database);
    expect(again.status).toBe(0);
    expect(again.output).not.toMatch(/containment indexes created/); // nothing left to create

    const explained = await connection.db!.command({
      explain: { find: 'leads', filter: { _id: { $eq: ids[7] }, campaign_id: { $eq: campaignId } }, limit: 1 },
    });
    expect(explained['filterPushdown']).toBe(true);
    const nodes = planNodes((explained['queryPlanner'] as { Plan: PlanNode }).Plan);
    expect(nodes.some((node) => /^Bitmap Index Scan on leads_\w+_gin$/.test(node))).toBe(true);
    expect(nodes.join(' ')).not.toMatch(/Seq Scan/);
  });

  it('serves a list bucket from an index, reading only that bucket', async () => {
    const explained = await connection.db!.command({
      explain: {
        find: 'leads',
        filter: {
          list_bucket: { $eq: listBucketKey(campaignId, 2) },
          campaign_id: { $eq: campaignId },
          $and: [{ 'select_field_values.select_partner': { $eq: 'SELECT_PARTNER' } }],
        },
        sort: { created_at: 1, _id: 1 },
        limit: 51,
      },
    });
    expect(explained['filterPushdown']).toBe(true);
    const nodes = planNodes((explained['queryPlanner'] as { Plan: PlanNode }).Plan);
    expect(nodes.some((node) => /^Bitmap Index Scan on leads_\w+_gin$/.test(node))).toBe(true);
    expect(nodes.join(' ')).not.toMatch(/Seq Scan/);
  });

  it('answers the lookups the lead service makes, exactly as before', async () => {
    const Leads = connection.model<LeadDocument>('Lead');
    const found = await Leads.findOne({ _id: { $eq: ids[11] }, campaign_id: { $eq: campaignId } }).lean();
    expect(found?._id).toBe(ids[11]);
    expect(await Leads.findOne({ _id: { $eq: ids[11] }, campaign_id: { $eq: 'cmp_other_1' } }).lean()).toBeNull();
    const page = await Leads.find({
      list_bucket: { $eq: listBucketKey(campaignId, 2) },
      campaign_id: { $eq: campaignId },
      $and: [{ 'select_field_values.select_partner': { $eq: 'SELECT_PARTNER' } }],
    })
      .sort({ created_at: 1, _id: 1 })
      .limit(51)
      .lean();
    expect(page).toHaveLength(51);
    expect(page.every((lead) => lead.campaign_id === campaignId && lead.list_bucket === `${campaignId}#2`)).toBe(true);
    expect(page.map((lead) => lead._id)).toEqual([...page.map((lead) => lead._id)].sort());
  });
});

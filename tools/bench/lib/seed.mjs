// @ts-check
// Seeds a campaign with leads straight into the lead service's collection, in the shape the service
// writes (LeadDocument), half of them in the partner's slice. Faster than the API for 100k leads;
// the ingest suite measures the API's own writes. Leads are filed in list buckets with the
// service's own rule (apps/leads/src/store/list-buckets.ts), and the campaign's list counter is
// moved past them.
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { loadListBuckets } from '../../lib/built.mjs';
import { OTHER_VALUE, PARTNER_VALUE } from './world.mjs';

/** @typedef {import('../../../apps/leads/src/store/lead.schema.js').LeadDocument} LeadDocument */

const { bucketOfPosition, listBucketKey } = await loadListBuckets();

/**
 * `count` leads in `campaignId` (the world's campaign by default), numbered from `from` so a
 * campaign can be grown in steps; their created_at one second apart in that numbering.
 * @param {import('./cluster.mjs').Cluster} cluster
 * @param {import('./world.mjs').BenchWorld} world
 * @param {number} count
 * @param {{ campaignId?: string; from?: number }} [options]
 * @returns {Promise<{ partnerIds: string[], otherIds: string[] }>} ids in and outside the partner's slice
 */
export async function seedLeads(cluster, world, count, { campaignId = world.campaignId, from = 0 } = {}) {
  const client = await MongoClient.connect(cluster.infra.MONGO_URL);
  /** @type {import('mongodb').Collection<LeadDocument>} */
  const collection = client.db(cluster.database('leads')).collection('leads');
  /** @type {string[]} */
  const partnerIds = [];
  /** @type {string[]} */
  const otherIds = [];
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  try {
    for (let start = from; start < from + count; start += 1000) {
      /** @type {LeadDocument[]} */
      const batch = [];
      for (let index = start; index < Math.min(from + count, start + 1000); index++) {
        const id = `ld_${randomBytes(16).toString('base64url')}`;
        const partner = index % 2 === 0;
        (partner ? partnerIds : otherIds).push(id);
        const time = new Date(base + index * 1000).toISOString();
        batch.push({
          _id: id,
          account_id: world.account.account_id,
          campaign_id: campaignId,
          fields: { name: `Lead ${index}`, email: `lead${index}@example.com`, postcode: String(1000 + (index % 9000)) },
          select_field_values: { select_partner: partner ? PARTNER_VALUE : OTHER_VALUE },
          status: 'new',
          relations: {},
          version: 1,
          source: { kind: 'api', id: world.partnerToken.id },
          created_at: time,
          updated_at: time,
          list_bucket: listBucketKey(campaignId, bucketOfPosition(index)),
        });
      }
      await collection.insertMany(batch, { ordered: false });
    }
    // Positions up to from + count are taken: the service files its next leads after these.
    /** @type {import('mongodb').Collection<{ _id: string; numbered: number }>} */
    const sequences = client.db(cluster.database('leads')).collection('lead_list_sequences');
    await sequences.updateOne({ _id: campaignId }, { $max: { numbered: from + count } }, { upsert: true });
  } finally {
    await client.close();
  }
  return { partnerIds, otherIds };
}

/**
 * Leads of other campaigns in the same collection (`count` spread over campaigns of at most
 * `perCampaign`), so a campaign is measured inside a collection larger than itself, as in production.
 */
export async function seedOtherCampaigns(cluster, world, count, perCampaign = 100000) {
  for (let seeded = 0, index = 0; seeded < count; index++) {
    const size = Math.min(perCampaign, count - seeded);
    await seedLeads(cluster, world, size, { campaignId: `${world.campaignId}_other_${index}` });
    seeded += size;
  }
}

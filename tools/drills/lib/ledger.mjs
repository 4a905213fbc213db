// @ts-check
// What a drill checks at the end: every lead stored once, and exactly one lead.created event (one
// stable id; re-deliveries of that id are allowed by the at-least-once contract) per stored lead.
import { MongoClient } from 'mongodb';
import { watchTopic } from '../../bench/lib/events.mjs';
import { LEAD_EVENTS_TOPIC as LEAD_EVENTS } from '../../events/lead-events.mjs';

export { LEAD_EVENTS };

/** @typedef {import('../../bench/lib/cluster.mjs').Cluster} Cluster */
/** @typedef {import('../../bench/lib/events.mjs').TopicWatch} TopicWatch */
/** @typedef {import('../../events/lead-events.mjs').LeadEvent} LeadEvent */
/** @typedef {import('../../../apps/leads/src/store/lead.schema.js').LeadDocument} LeadDocument */
/** What a drill adds to its report: numbers, and named checks that pass or fail. */
/** @typedef {{ counts: Record<string, number>; checks: Record<string, boolean> }} LedgerOutcome */

/**
 * Counts the lead.created events of one campaign by lead id, from `startOffsets` (default: now).
 * @param {Cluster} cluster
 * @param {string} campaignId
 * @param {import('../../bench/lib/events.mjs').PartitionOffset[]} [startOffsets]
 */
export async function watchLeadEvents(cluster, campaignId, startOffsets) {
  return watchTopic({
    brokers: cluster.infra.KAFKA_BROKERS,
    topic: LEAD_EVENTS,
    startOffsets,
    select: (/** @type {LeadEvent} */ event) =>
      event.type === 'lead.created' && event.data?.campaign_id === campaignId ? event.subject : null,
  });
}

/**
 * The campaign's stored leads: their ids and names, how many, and how many distinct bodies (lead names).
 * @param {Cluster} cluster
 * @param {string} campaignId
 */
export async function countLeads(cluster, campaignId) {
  const mongo = await MongoClient.connect(cluster.infra.MONGO_URL);
  try {
    /** @type {import('mongodb').Collection<LeadDocument>} */
    const leads = mongo.db(cluster.database('leads')).collection('leads');
    const rows = await leads
      .find({ campaign_id: { $eq: campaignId } })
      .project({ _id: 1, 'fields.name': 1 })
      .toArray();
    const names = new Set(rows.map((row) => row.fields?.name));
    return { ids: new Set(rows.map((row) => row._id)), names, stored: rows.length, distinctBodies: names.size };
  } finally {
    await mongo.close();
  }
}

/**
 * Waits up to `timeoutMs` for an event per stored lead, then compares both sides.
 * @param {Cluster} cluster
 * @param {string} campaignId
 * @param {TopicWatch} watch
 * @param {number} expected
 * @returns {Promise<LedgerOutcome>}
 */
export async function reconcile(cluster, campaignId, watch, expected, timeoutMs = 60000) {
  let leads = await countLeads(cluster, campaignId);
  await watch.until(leads.stored, timeoutMs);
  leads = await countLeads(cluster, campaignId);
  const withoutEvent = [...leads.ids].filter((id) => !watch.seen.has(id)).length;
  const eventsWithoutLead = [...watch.seen.keys()].filter((id) => !leads.ids.has(id)).length;
  const twoEventIds = [...watch.ids.values()].filter((ids) => ids.size > 1).length;
  const redeliveries = [...watch.seen.values()].reduce((sum, copies) => sum + copies - 1, 0);
  const checks = {
    [`${expected} leads stored`]: leads.stored === expected,
    'no lead stored twice (one per Idempotency-Key)': leads.distinctBodies === leads.stored,
    'every stored lead has its lead.created event': withoutEvent === 0,
    'no event for a lead that is not stored': eventsWithoutLead === 0,
    'no lead with two different lead.created ids': twoEventIds === 0,
  };
  return {
    counts: {
      stored: leads.stored,
      events: watch.seen.size,
      withoutEvent,
      eventsWithoutLead,
      twoEventIds,
      redeliveries,
    },
    checks,
  };
}

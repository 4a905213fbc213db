// @ts-check
// 3. Ingest: leads/s end to end, a lead counted only once it is stored AND its lead.created event is
// on Kafka (seen by a consumer), single POSTs and batches of 1,000; vs raw driver inserts + raw
// kafkajs produce (acks=all) of the same documents and events, observed the same way.
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { load, ratio, round } from '../lib/load.mjs';
import { cpuSpent, machineCpuMs } from '../lib/cpu-time.mjs';
import { table } from '../lib/report.mjs';
import { benchKafka, ensureTopic, watchTopic } from '../lib/events.mjs';
import { LEAD_EVENTS_TOPIC as LEAD_EVENTS } from '../../events/lead-events.mjs';
import { leadBody, partnerCampaign, PARTNER_VALUE } from '../lib/world.mjs';

const REFERENCE_EVENTS = 'bench.reference-events.v1';

export async function ingest({ cluster, world, settings, log }) {
  const brokers = cluster.infra.KAFKA_BROKERS;
  await ensureTopic(brokers, REFERENCE_EVENTS, 6);
  const mongo = await MongoClient.connect(cluster.infra.MONGO_URL);
  const kafka = await benchKafka(brokers, 'bench-reference');
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const reference = { collection: mongo.db(cluster.database('reference')).collection('leads'), producer };
  const single = settings.ingestSingle;
  const batchLeads = settings.ingestBatches * 1000;
  const rows = [];
  /** @type {Row[]} */
  const cpuRows = [];
  /** @type {Map<number | undefined, string>} */
  const named = new Map(cluster.services.map((service) => [service.pid, service.app]));
  try {
    log(`ingest: reference, ${single} single inserts + produce`);
    const refSingle = await referenceIngest(reference, brokers, named, single, 1, settings.connections);
    log(`ingest: platform, ${single} single POSTs`);
    const apiSingle = await platformSingle(cluster, world, brokers, named, single, settings.connections);
    log(`ingest: reference, ${settings.ingestBatches} x insertMany(1000) + produce`);
    const refBatch = await referenceIngest(reference, brokers, named, batchLeads, 1000, 2);
    log(`ingest: platform, ${settings.ingestBatches} batch POSTs of 1000`);
    const apiBatch = await platformBatches(cluster, world, brokers, named, settings.ingestBatches, 2);
    rows.push(
      row('single: insertOne + produce (reference)', refSingle),
      row('single: POST /leads', apiSingle, refSingle),
      row('batch: insertMany(1000) + produce 1000 (reference)', refBatch),
      row('batch: POST /leads/batch (1000)', apiBatch, refBatch),
    );
    cpuRows.push(
      cpuRow('single: reference', refSingle),
      cpuRow('single: platform', apiSingle),
      cpuRow('batch: reference', refBatch),
      cpuRow('batch: platform', apiBatch),
    );
  } finally {
    await producer.disconnect();
    await mongo.close();
  }
  return {
    title: 'Ingest: leads stored and their events on Kafka',
    load: `single: ${single} leads, ${settings.connections} concurrent; batch: ${batchLeads} leads in batches of 1000, 2 concurrent; a lead counts once stored and its event consumed back from Kafka`,
    rows,
    notes: [
      'CPU per lead, by process (user + system time from /proc over each case, divided by its leads; `bench` is the ' +
        'load generator, the event watcher and the reference writers; the services idle in the reference cases):',
      '',
      table(cpuRows),
    ],
  };
}

/** @typedef {import('../lib/suite.mjs').Row} Row */

/** Column order of the CPU table: the platform's path first, then what it shares with the reference. */
const CPU_GROUPS = [
  'gateway',
  'leads',
  'webhooks',
  'identity',
  'campaigns',
  'docs',
  'Kafka broker',
  'FerretDB',
  'PostgreSQL',
  'bench',
];

/**
 * @param {string} name
 * @param {{ cpu: Map<string, number>; leads: number }} result
 * @returns {Row}
 */
function cpuRow(name, result) {
  const perLead = (/** @type {number} */ ms) => round(ms / result.leads, 2);
  const total = [...result.cpu.values()].reduce((sum, ms) => sum + ms, 0);
  /** @type {Row} */
  const cells = { case: name, 'total ms/lead': perLead(total) };
  const rank = (/** @type {string} */ group) =>
    CPU_GROUPS.includes(group) ? CPU_GROUPS.indexOf(group) : CPU_GROUPS.length;
  for (const [group, ms] of [...result.cpu].sort((a, b) => rank(a[0]) - rank(b[0]))) cells[group] = perLead(ms);
  return cells;
}

function row(name, result, reference) {
  return {
    case: name,
    'leads/s': round(result.leadsPerSecond, 0),
    leads: result.leads,
    stored: result.stored,
    events: result.events,
    'p50 ms': round(result.p50, 1),
    'p99 ms': round(result.p99, 1),
    errors: result.errors,
    ...(reference ? { vs_reference: `${ratio(result.leadsPerSecond, reference.leadsPerSecond)}x leads/s` } : {}),
  };
}

/** A CloudEvent of leads.events.v1, as far as the suite reads it. */
/** @typedef {{ id: string; type: string; subject: string; data?: { campaign_id?: string } }} LeadEvent */

/** Runs the load, waits for every event, checks the store: { leadsPerSecond, stored, events, ... }. */
async function measured({ brokers, named, topic, campaignId, leads, countStored, run }) {
  const watch = await watchTopic({
    brokers,
    topic,
    select: (/** @type {LeadEvent} */ event) =>
      event.type === 'lead.created' && event.data?.campaign_id === campaignId ? event.subject : null,
  });
  try {
    const cpuBefore = machineCpuMs(named);
    const started = Date.now();
    const result = await run();
    const lastEvent = await watch.until(leads);
    const cpu = cpuSpent(cpuBefore, machineCpuMs(named));
    const finished = Math.max(result.answeredAt, lastEvent);
    const stored = await countStored();
    const duplicates = [...watch.seen.values()].filter((count) => count > 1).length;
    return {
      ...result,
      leads,
      leadsPerSecond: (Math.min(stored, watch.seen.size) / (finished - started)) * 1000,
      stored,
      events: watch.seen.size,
      duplicates,
      cpu,
    };
  } finally {
    await watch.stop();
  }
}

async function platformSingle(cluster, world, brokers, named, leads, connections) {
  const gateway = cluster.platform.gateways[0];
  const { campaignId, partnerToken } = await partnerCampaign(
    { gateways: [gateway], admin: world.admin },
    'Ingest single',
  );
  let index = 0;
  return measured({
    brokers,
    named,
    topic: LEAD_EVENTS,
    campaignId,
    leads,
    countStored: () => storedLeads(cluster, campaignId),
    run: async () => {
      const result = await load({
        url: `${gateway.url}/v1/campaigns/${campaignId}/leads`,
        method: 'POST',
        headers: { authorization: `Bearer ${partnerToken.token}`, 'content-type': 'application/json' },
        requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(leadBody(index++)) }) }],
        connections,
        amount: leads,
        expect: 201,
      });
      return { ...result, answeredAt: Date.now() };
    },
  });
}

async function platformBatches(cluster, world, brokers, named, batches, concurrency) {
  const gateway = cluster.platform.gateways[0];
  const { campaignId, partnerToken } = await partnerCampaign(
    { gateways: [gateway], admin: world.admin },
    'Ingest batch',
  );
  const latencies = [];
  let errors = 0;
  return measured({
    brokers,
    named,
    topic: LEAD_EVENTS,
    campaignId,
    leads: batches * 1000,
    countStored: () => storedLeads(cluster, campaignId),
    run: async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let batch = next++; batch < batches; batch = next++) {
            const body = JSON.stringify({
              leads: Array.from({ length: 1000 }, (_, index) => leadBody(batch * 1000 + index)),
            });
            const started = Date.now();
            const response = await fetch(`${gateway.url}/v1/campaigns/${campaignId}/leads/batch`, {
              method: 'POST',
              headers: { authorization: `Bearer ${partnerToken.token}`, 'content-type': 'application/json' },
              body,
            });
            const answer = /** @type {{ created?: number }} */ (await response.json());
            latencies.push(Date.now() - started);
            if (response.status !== 200 || answer.created !== 1000) errors++;
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      return {
        p50: latencies[Math.floor(latencies.length / 2)],
        p99: latencies[latencies.length - 1],
        errors,
        answeredAt: Date.now(),
      };
    },
  });
}

async function storedLeads(cluster, campaignId) {
  const mongo = await MongoClient.connect(cluster.infra.MONGO_URL);
  try {
    return await mongo
      .db(cluster.database('leads'))
      .collection('leads')
      .countDocuments({ campaign_id: { $eq: campaignId } });
  } finally {
    await mongo.close();
  }
}

/** The reference: the same lead documents and CloudEvents, written with the driver and kafkajs only. */
async function referenceIngest({ collection, producer }, brokers, named, leads, perWrite, concurrency) {
  const campaignId = `cmp_reference_${randomBytes(6).toString('hex')}`;
  const latencies = [];
  return measured({
    brokers,
    named,
    topic: REFERENCE_EVENTS,
    campaignId,
    leads,
    countStored: () => collection.countDocuments({ campaign_id: { $eq: campaignId } }),
    run: async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let write = next++; write * perWrite < leads; write = next++) {
            const documents = Array.from({ length: perWrite }, (_, index) =>
              referenceLead(campaignId, write * perWrite + index),
            );
            const started = Date.now();
            if (perWrite === 1) await collection.insertOne(documents[0]);
            else await collection.insertMany(documents, { ordered: false });
            await producer.send({
              topic: REFERENCE_EVENTS,
              acks: -1,
              // Structured-mode CloudEvents, with the header the platform's lead events carry (ADR 024).
              messages: documents.map((lead) => ({
                key: lead._id,
                value: JSON.stringify(referenceEvent(lead)),
                headers: { 'content-type': 'application/cloudevents+json' },
              })),
            });
            latencies.push(Date.now() - started);
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      return {
        p50: latencies[Math.floor(latencies.length / 2)],
        p99: latencies[Math.ceil(latencies.length * 0.99) - 1],
        errors: 0,
        answeredAt: Date.now(),
      };
    },
  });
}

function referenceLead(campaignId, index) {
  const now = new Date().toISOString();
  return {
    _id: `ld_${randomBytes(16).toString('base64url')}`,
    account_id: 'acct_reference',
    campaign_id: campaignId,
    ...leadBody(index),
    select_field_values: { select_partner: PARTNER_VALUE },
    status: 'new',
    relations: {},
    version: 1,
    source: { kind: 'api', id: 'tok_reference' },
    created_at: now,
    updated_at: now,
  };
}

function referenceEvent({ _id, account_id: _account, ...lead }) {
  return {
    specversion: '1.0',
    id: `${_id}:1`,
    source: `/leadgate/campaigns/${lead.campaign_id}/leads`,
    type: 'lead.created',
    subject: _id,
    time: lead.created_at,
    datacontenttype: 'application/json',
    data: {
      campaign_id: lead.campaign_id,
      lead: { id: _id, ...lead },
      changed: ['fields'],
      actor: { kind: 'campaign', id: 'tok_reference' },
    },
  };
}

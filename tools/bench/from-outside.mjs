#!/usr/bin/env node
// @ts-check
// What a running platform serves, tried the way a customer would: only the public API of one gateway
// (API.md §3, §6), with an account-level admin token (the demo token `npm start` prints). Makes a
// campaign with the partner filter and a partner token, loads leads through POST .../leads/batch (half
// in the partner's slice), then times, with the partner token, GET lead at a fixed rate and the first
// list page. Nothing is seeded into a database and nothing is started: point it at any deployment.
//
//   npm run bench:outside -- --gateway http://127.0.0.1:8080 --token <admin token> [--leads 100000]
//     [--rate 50] [--seconds 20] [--pages 20] [--concurrency 2] [--json]
import { parseArgs } from 'node:util';
import { paced, percentile, round } from './lib/load.mjs';
import { client, leadBody, OTHER_VALUE, PARTNER_VALUE, partnerCampaign } from './lib/world.mjs';

const BATCH = 1000;

const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:8080' },
    token: { type: 'string', default: process.env['LEADGATE_TOKEN'] },
    leads: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    pages: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
  },
});
if (!values.token) {
  console.error('usage: npm run bench:outside -- --gateway <url> --token <admin token> [--leads N]');
  process.exit(2);
}
const gateway = values.gateway.replace(/\/$/, '');
const settings = {
  leads: Number(values.leads),
  rate: Number(values.rate),
  seconds: Number(values.seconds),
  pages: Number(values.pages),
  concurrency: Number(values.concurrency),
};
/** @param {string} line */
const log = (line) => process.stderr.write(`[outside] ${line}\n`);

const admin = client(gateway, values.token);
const { campaignId, partnerToken } = await partnerCampaign(
  { gateways: [{ url: gateway }], admin },
  `From outside ${new Date().toISOString()}`,
);
log(`campaign ${campaignId}, partner token ${partnerToken.id}`);

const load = await loadLeads();
log(`loaded ${load.created} leads in ${load.seconds} s (${load.leadsPerSecond} leads/s)`);

const partnerHeaders = { authorization: `Bearer ${partnerToken.token}` };
const leadPaths = load.partnerLeadIds.map((id) => `/v1/campaigns/${campaignId}/leads/${id}`);
const getLead = await paced({
  url: gateway,
  headers: partnerHeaders,
  rate: settings.rate,
  amount: settings.rate * settings.seconds,
  paths: shuffled(leadPaths),
});
const firstPage = await sequential(`${gateway}/v1/campaigns/${campaignId}/leads?limit=50`, settings.pages);

const { partnerLeadIds: _ids, ...loaded } = load;
const result = {
  gateway,
  campaign_id: campaignId,
  leads: loaded,
  get_lead: { rate: settings.rate, ...summary(getLead) },
  first_list_page: firstPage,
};
if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `leads loaded through POST .../leads/batch: ${load.created} in ${load.seconds} s = ${load.leadsPerSecond} leads/s (failed ${load.failed})`,
  );
  console.log(
    `GET lead (partner token) at ${settings.rate}/s for ${settings.seconds} s: p50 ${result.get_lead.p50} ms, p99 ${result.get_lead.p99} ms, ok ${result.get_lead.ok}, errors ${result.get_lead.errors}`,
  );
  console.log(
    `first list page (50, filtered partner token), ${firstPage.ok} of ${settings.pages} one after another: p50 ${firstPage.p50} ms, p99 ${firstPage.p99} ms, errors ${firstPage.errors}`,
  );
}

/**
 * POSTs `settings.leads` leads in batches of 1,000, `settings.concurrency` batches at a time.
 * Keeps the ids of the partner's leads (the first 5,000 at most) for the reads.
 */
async function loadLeads() {
  const batches = Math.ceil(settings.leads / BATCH);
  /** @type {string[]} */
  const partnerLeadIds = [];
  let created = 0;
  let failed = 0;
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    for (let batch = next++; batch < batches; batch = next++) {
      const size = Math.min(BATCH, settings.leads - batch * BATCH);
      const leads = Array.from({ length: size }, (_, i) => {
        const index = batch * BATCH + i;
        const select_partner = index % 2 === 0 ? PARTNER_VALUE : OTHER_VALUE;
        return { ...leadBody(index), select_field_values: { select_partner }, status: 'new' };
      });
      const answer = await admin('POST', `/v1/campaigns/${campaignId}/leads/batch`, { leads });
      if (answer.status !== 200) throw new Error(`batch ${batch}: ${answer.status} ${JSON.stringify(answer.body)}`);
      const body =
        /** @type {{ created: number; failed: number; results: { status: string; lead?: { id: string; select_field_values: Record<string, string> } }[] }} */ (
          answer.body
        );
      created += body.created;
      failed += body.failed;
      for (const item of body.results) {
        const lead = item.lead;
        if (lead && lead.select_field_values['select_partner'] === PARTNER_VALUE && partnerLeadIds.length < 5000)
          partnerLeadIds.push(lead.id);
      }
      if ((batch + 1) % 10 === 0) log(`${created} leads so far`);
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;
  return { created, failed, seconds: round(seconds), leadsPerSecond: round(created / seconds), partnerLeadIds };
}

/**
 * `amount` requests one after another (a list page is timed on its own, not queued behind others).
 * @param {string} url
 * @param {number} amount
 */
async function sequential(url, amount) {
  /** @type {number[]} */
  const latencies = [];
  let errors = 0;
  for (let i = 0; i < amount; i++) {
    const sent = performance.now();
    const response = await fetch(url, { headers: partnerHeaders });
    const body = /** @type {{ data?: unknown[] }} */ (await response.json());
    latencies.push(performance.now() - sent);
    if (response.status !== 200 || body.data?.length !== 50) errors++;
  }
  return {
    ok: amount - errors,
    errors,
    p50: round(percentile(latencies, 50) ?? NaN),
    p99: round(percentile(latencies, 99) ?? NaN),
  };
}

/** @param {import('./lib/load.mjs').LoadResult} run */
function summary(run) {
  return { ok: run.ok, errors: run.errors, p50: round(run.p50), p99: round(run.p99), max: round(run.max) };
}

/**
 * @template T
 * @param {T[]} items
 */
function shuffled(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

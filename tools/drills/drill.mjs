#!/usr/bin/env node
// @ts-check
// `npm run drill -- <name>|all`: a fault drill on a real platform (services from dist/, Kafka and
// FerretDB from tools/infra) with a pass/fail verdict; the last result of each goes into
// docs/BENCHMARKS.md. Drills stop and start shared infrastructure (kafka-outage stops the broker):
// do not run them beside other tests.
import { parseArgs } from 'node:util';
import { Cluster } from '../bench/lib/cluster.mjs';
import { writeResults } from '../bench/lib/report.mjs';
import * as gatewayScale from './scenarios/gateway-scale.mjs';
import * as identityDown from './scenarios/identity-down.mjs';
import * as kafkaOutage from './scenarios/kafka-outage.mjs';
import * as leadsKill from './scenarios/leads-kill.mjs';
import * as leadsScale from './scenarios/leads-scale.mjs';
import * as overload from './scenarios/overload.mjs';
import * as webhooksKill from './scenarios/webhooks-kill.mjs';

const DRILLS = {
  'leads-kill': leadsKill,
  'kafka-outage': kafkaOutage,
  'identity-down': identityDown,
  'leads-scale': leadsScale,
  'gateway-scale': gatewayScale,
  webhooks: webhooksKill,
  overload,
};

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'no-docs': { type: 'boolean', default: false } },
});
const names = positionals[0] === 'all' ? Object.keys(DRILLS) : positionals;
if (names.length === 0 || names.some((name) => !DRILLS[name])) {
  console.error(`usage: npm run drill -- <${Object.keys(DRILLS).join('|')}|all>`);
  process.exit(2);
}

async function drill(name) {
  const log = (line) => console.log(`[drill ${name}] ${line}`);
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  const cluster = new Cluster(name.replace('-', ''));
  let outcome;
  try {
    await cluster.infraUp();
    outcome = await DRILLS[name].run({ cluster, log });
  } catch (error) {
    outcome = { steps: [`aborted: ${error.message}`], counts: {}, checks: { 'drill ran to the end': false } };
  } finally {
    await cluster.stopAll();
    await cluster.dropDatabases().catch(() => {});
  }
  const passed = Object.values(outcome.checks).every(Boolean);
  const result = {
    title: `Drill ${name}: ${DRILLS[name].title} — ${passed ? 'PASS' : 'FAIL'}`,
    rows: Object.entries(outcome.checks).map(([check, ok]) => ({ check, result: ok ? 'pass' : 'FAIL' })),
    notes: [...outcome.steps.map((step) => `- ${step}`), '', `Counts: ${JSON.stringify(outcome.counts)}`],
  };
  const { text } = writeResults(
    [result],
    { command: `npm run drill -- ${name}`, startedAt, seconds: (Date.now() - t0) / 1000 },
    { intoDocs: !values['no-docs'], name: `drill-${name}` },
  );
  console.log(text);
  return passed;
}

let allPassed = true;
for (const name of names) allPassed = (await drill(name)) && allPassed;
process.exit(allPassed ? 0 : 1);

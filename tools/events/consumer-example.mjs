#!/usr/bin/env node
// @ts-check
// A lead-event consumer an internal team can copy: a durable consumer group (each event handled by
// one of your replicas; a restart resumes where it stopped), de-duplication by event id (delivery
// is at least once), and events of one lead in order (they share a partition).
//
//   KAFKA_BROKERS=127.0.0.1:19092 node tools/events/consumer-example.mjs my-team-crm-sync
//
// Swap `handle` for your own logic, and the Set for a table with a unique key on the event id if
// your handler writes somewhere: then the check and the write are one step.
import { consumeLeadEvents, LEAD_EVENTS_TOPIC } from './lead-events.mjs';

const groupId = process.argv[2] ?? 'example-team.lead-events';
const seen = new Set();

async function handle(event) {
  switch (event.type) {
    case 'lead.created':
    case 'lead.updated':
    case 'lead.status_changed':
      console.log(
        `${event.type} ${event.subject} in ${event.data.campaign_id}: changed ${event.data.changed.join(', ') || '-'}`,
      );
      break;
    case 'lead.quarantined':
      console.log(`quarantined post ${event.subject} (${event.data.lead.reason})`);
      break;
    default:
      console.log(`ignoring ${event.type}`);
  }
}

const stop = await consumeLeadEvents({
  clientId: 'consumer-example',
  groupId,
  fromBeginning: true,
  onEvent: async (event) => {
    if (seen.has(event.id)) return; // a redelivery: already handled
    await handle(event);
    seen.add(event.id);
  },
});
console.log(`consuming ${LEAD_EVENTS_TOPIC} as group ${groupId}; Ctrl-C to stop`);
process.once('SIGINT', () => void stop().then(() => process.exit(0)));

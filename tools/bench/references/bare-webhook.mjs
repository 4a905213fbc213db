// @ts-check
// The webhooks suite's reference: the least a webhook sender can do. It consumes leads.events.v1 in
// a group of its own, and for each lead.created of the campaign signs the event as it came off the
// topic (Standard Webhooks, the reference library) and POSTs it, one at a time per partition. No
// slice check, no projection, no durable queue, no retries: what the platform's dispatcher adds
// those to.
import { Webhook } from 'standardwebhooks';
import { watchTopic } from '../lib/events.mjs';
import { LEAD_EVENTS_TOPIC } from '../../events/lead-events.mjs';

/**
 * @param {{ brokers: string; campaignId: string; url: string; secret: string }} options
 */
export async function startBareWebhookSender({ brokers, campaignId, url, secret }) {
  const signer = new Webhook(secret);
  return watchTopic({
    brokers,
    topic: LEAD_EVENTS_TOPIC,
    select: (/** @type {{ id: string; type: string; subject: string; data?: { campaign_id?: string } }} */ event) =>
      event.type === 'lead.created' && event.data?.campaign_id === campaignId ? event.subject : null,
    handle: async (event, value) => {
      const timestamp = new Date();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': event.id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signer.sign(event.id, timestamp, value),
        },
        body: value,
      });
      await response.body?.cancel();
    },
  });
}

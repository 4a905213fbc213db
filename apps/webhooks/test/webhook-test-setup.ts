import {
  AppName,
  bootstrapAdmin,
  expectStatus,
  GatewayClient,
  partnerCampaign,
  Platform,
  startPlatform,
  waitFor,
} from '@leadgate/testing';
import { WebhookReceiver } from './webhook-receiver';

export const LEAD_EVENTS = ['lead.created', 'lead.updated', 'lead.status_changed'];

/**
 * The retry clock of the webhooks service runs 10 000 times faster in these tests
 * (WEBHOOK_RETRY_TIME_SCALE, test only): the first retry after ~1 ms, delays capped at 360 ms, and
 * the 24 h give-up window is 8.64 s. The real schedule is held by retry-schedule.spec.ts.
 */
export const TIME_SCALE = 0.0001;

export interface WebhooksWorld {
  platform: Platform;
  admin: GatewayClient;
  /** The partner token of the campaign (read and write, no webhooks permission). */
  partner: GatewayClient;
  campaignId: string;
  filterId: string;
  receiver: WebhookReceiver;
}

/**
 * The webhooks service's environment in these tests (startPlatform gives it a consumer group of its
 * own): the fast retry clock, a short poll.
 */
export function webhooksEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_RETRY_TIME_SCALE: String(TIME_SCALE),
    WEBHOOK_DELIVERY_POLL_MS: '50',
    ...extra,
  };
}

/** identity, campaigns, leads and webhooks; the test campaign with the partner filter; a loopback receiver. */
export async function webhooksWorld(webhooks: Record<string, string> = webhooksEnv()): Promise<WebhooksWorld> {
  const receiver = new WebhookReceiver();
  await receiver.start();
  const apps: AppName[] = ['identity', 'campaigns', 'leads', 'webhooks'];
  const platform = await startPlatform({ apps, env: { webhooks } });
  const { admin } = await bootstrapAdmin(platform, 'Webhooks test');
  const world = await partnerCampaign(admin, {
    gatewayUrls: [platform.gateway.url],
    campaign: { fields: ['name', 'email', 'postcode', 'rooms'], selects: ['select_partner'], statuses: ['new', 'won'] },
  });
  return { platform, admin, partner: world.partner, campaignId: world.campaignId, filterId: world.filterId, receiver };
}

/** A campaign token on the partner filter with this field access (API.md §13). */
export async function partnerToken(
  world: WebhooksWorld,
  name: string,
  fieldAccess: { hidden: string[]; masked: string[]; read_only: string[] } | null = null,
): Promise<string> {
  const created = expectStatus(
    await world.admin('POST', `/v1/admin/campaigns/${world.campaignId}/tokens`, {
      name,
      permissions: ['read'],
      filter_id: world.filterId,
      ...(fieldAccess ? { field_access: fieldAccess } : {}),
    }),
    201,
    `token ${name}`,
  );
  return String(created['id']);
}

/** A subscription made by the admin for the token (the webhooks service must have learned the token). */
export async function subscribe(
  world: WebhooksWorld,
  tokenId: string,
  url: string,
  events: string[] = LEAD_EVENTS,
): Promise<{ id: string; secret: string }> {
  const made = await waitFor(`webhook for ${tokenId}`, async () => {
    const answer = await world.admin('POST', `/v1/admin/tokens/${tokenId}/webhooks`, { url, events });
    return answer.status === 201 ? answer.body : undefined;
  });
  return { id: String(made['id']), secret: String(made['secret']) };
}

/** A lead made by the admin, in the partner's slice unless `select` says otherwise. */
export async function createLead(
  world: WebhooksWorld,
  fields: Record<string, unknown>,
  select = 'SELECT_PARTNER',
): Promise<string> {
  const created = expectStatus(
    await world.admin('POST', `/v1/campaigns/${world.campaignId}/leads`, {
      fields,
      select_field_values: { select_partner: select },
    }),
    201,
    'lead',
  );
  return String(created['id']);
}

/** `count` leads in the partner's slice, created by one batch; their ids in request order. */
export async function createPartnerBatch(world: WebhooksWorld, count: number, namePrefix: string): Promise<string[]> {
  const leads = Array.from({ length: count }, (_, index) => ({
    fields: { name: `${namePrefix} ${index}` },
    select_field_values: { select_partner: 'SELECT_PARTNER' },
  }));
  const batch = expectStatus(
    await world.admin('POST', `/v1/campaigns/${world.campaignId}/leads/batch`, { leads }),
    200,
    `${namePrefix} batch`,
  );
  return (batch['results'] as { lead: { id: string } }[]).map((result) => result.lead.id);
}

export async function patchLead(world: WebhooksWorld, leadId: string, body: Record<string, unknown>): Promise<void> {
  expectStatus(await world.admin('PATCH', `/v1/campaigns/${world.campaignId}/leads/${leadId}`, body), 200, 'patch');
}

export interface DeliveryView {
  id: string;
  event_id: string;
  event_type: string;
  lead_id: string | null;
  status: string;
  reason: string | null;
  attempts: number;
  next_retry_at: string | null;
  history: {
    attempt: number;
    at: string;
    answer_status: number | null;
    latency_ms: number;
    outcome: string;
    next_retry_at: string | null;
  }[];
}

export async function deliveries(world: WebhooksWorld, webhookId: string): Promise<DeliveryView[]> {
  const answer = expectStatus(
    await world.admin('GET', `/v1/webhooks/${webhookId}/deliveries?limit=100`),
    200,
    'deliveries',
  );
  return answer['data'] as DeliveryView[];
}

export async function webhookOf(
  world: WebhooksWorld,
  tokenId: string,
  webhookId: string,
): Promise<Record<string, unknown>> {
  const list = expectStatus(await world.admin('GET', `/v1/admin/tokens/${tokenId}/webhooks`), 200, 'webhooks');
  const found = (list['data'] as Record<string, unknown>[]).find((webhook) => webhook['id'] === webhookId);
  if (!found) throw new Error(`webhook ${webhookId} not listed`);
  return found;
}

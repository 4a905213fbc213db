import { randomBytes } from 'node:crypto';
import { LeadEventV1, WEBHOOK_TEST_EVENT_TYPE } from '@leadgate/contracts';
import { randomIdPart } from '@leadgate/service-kit';
import { DeliveryJob } from './delivery.schema';

/** The subscription as a job needs it. */
export interface JobOwner {
  _id: string;
  account_id: string;
  token_id: string;
}

/** One per event and subscription: drawn from the id block (randomIdPart), not a CSPRNG call each. */
export const newDeliveryId = () => `dlv_${randomIdPart(16)}`;

/** A queued delivery of one lead event to one subscription, due at once. */
export function leadEventJob(owner: JobOwner, event: LeadEventV1, now: string): DeliveryJob {
  const version = event.data.lead['version'];
  return newJob(owner, {
    event_id: event.id,
    event_type: event.type,
    lead_id: event.subject,
    lead_version: typeof version === 'number' ? version : 0,
    event_json: JSON.stringify(event),
    now,
  });
}

/** The `webhook.test` event of API.md §12: a CloudEvent like the others, with no lead in it. */
export function testEventJob(owner: JobOwner, now: string): DeliveryJob {
  const id = `evt_test_${randomBytes(12).toString('base64url')}`;
  const event = {
    specversion: '1.0',
    id,
    source: `/leadgate/webhooks/${owner._id}`,
    type: WEBHOOK_TEST_EVENT_TYPE,
    subject: owner._id,
    time: now,
    datacontenttype: 'application/json',
    data: {
      webhook_id: owner._id,
      message: 'A test event from Leadgate: your endpoint receives and verifies webhooks.',
    },
  };
  return newJob(owner, {
    event_id: id,
    event_type: WEBHOOK_TEST_EVENT_TYPE,
    lead_id: null,
    lead_version: 0,
    event_json: JSON.stringify(event),
    now,
  });
}

function newJob(
  owner: JobOwner,
  event: Pick<DeliveryJob, 'event_id' | 'event_type' | 'lead_id' | 'lead_version' | 'event_json'> & { now: string },
): DeliveryJob {
  const { now, ...rest } = event;
  return {
    _id: newDeliveryId(),
    subscription_id: owner._id,
    account_id: owner.account_id,
    token_id: owner.token_id,
    ...rest,
    status: 'pending',
    manual: false,
    attempts: 0,
    next_attempt_at: now,
    first_failed_at: null,
    lease_until: null,
    reason: null,
    history: [],
    created_at: now,
    updated_at: now,
  };
}

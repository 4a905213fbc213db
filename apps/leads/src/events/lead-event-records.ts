import { LeadEventV1 } from '@leadgate/contracts';
import { LeadChange } from '@leads/store/lead-change.schema';
import { toLeadView } from '@leads/store/lead-view';

export function toCloudEvent(change: LeadChange): LeadEventV1 {
  return {
    specversion: '1.0',
    id: change._id,
    source: `/leadgate/campaigns/${change.lead.campaign_id}/leads`,
    type: change.type,
    subject: change.lead_id,
    time: change.time,
    datacontenttype: 'application/json',
    data: {
      campaign_id: change.lead.campaign_id,
      lead: { ...toLeadView(change.lead) },
      changed: change.changed,
      actor: change.actor,
    },
  };
}

/**
 * Kafka records for pending changes: keyed by lead (the key picks the partition), each lead's
 * changes in version order, so one send, or sends one after the other, keep every lead's order.
 */
export function eventRecordsOf(changes: LeadChange[]): { key: string; value: LeadEventV1 }[] {
  return [...changes]
    .sort((a, b) => (a.lead_id === b.lead_id ? a.version - b.version : a.lead_id < b.lead_id ? -1 : 1))
    .map((change) => ({ key: change.lead_id, value: toCloudEvent(change) }));
}

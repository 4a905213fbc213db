import { HEADERS, STATE_TOPICS, TOPICS, TopicName } from '@leadgate/contracts';
import { CloudEvent, Kafka } from 'cloudevents';
import { recordHeaders } from './record-headers';

const base = { producer: 'leads', requestId: 'req-1' };
const leadEvent = JSON.stringify({
  specversion: '1.0',
  id: 'ld_1:1',
  source: '/leadgate/campaigns/cmp_1/leads',
  type: 'lead.created',
  subject: 'ld_1',
  time: '2026-01-01T00:00:00.000Z',
  datacontenttype: 'application/json',
  data: { campaign_id: 'cmp_1' },
});

describe('recordHeaders', () => {
  it('puts lead events in the CloudEvents structured mode: content-type application/cloudevents+json', () => {
    expect(recordHeaders({ ...base, topic: TOPICS.leadEvents, value: leadEvent })).toEqual({
      'content-type': 'application/cloudevents+json',
      'x-request-id': 'req-1',
      'x-leadgate-schema': 'leads.events.v1',
      'x-leadgate-producer': 'leads',
    });
  });

  it('is what the CloudEvents SDK Kafka binding reads as a structured event', () => {
    const headers = recordHeaders({ ...base, topic: TOPICS.leadEvents, value: leadEvent });
    const message = { key: 'ld_1', value: leadEvent, body: leadEvent, headers };
    expect(Kafka.isEvent(message)).toBe(true);
    const event = Kafka.toEvent(message) as CloudEvent<unknown>;
    expect(event).toMatchObject({ id: 'ld_1:1', type: 'lead.created', subject: 'ld_1', partitionkey: 'ld_1' });
    const without = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'content-type'));
    expect(() => Kafka.toEvent({ ...message, headers: without })).toThrow('No CloudEvent detected');
  });

  it('gives no content-type to topics that are not CloudEvents: state, usage, audit, api docs, dead letters', () => {
    const plain: TopicName[] = [...STATE_TOPICS, TOPICS.tokenUsage, TOPICS.audit, TOPICS.deadLetter];
    for (const topic of plain) {
      expect(recordHeaders({ ...base, topic, value: '{}' })).not.toHaveProperty(HEADERS.contentType);
    }
  });

  it('gives a tombstone no content-type: it has no value to describe', () => {
    expect(recordHeaders({ ...base, topic: TOPICS.leadEvents, value: null })).not.toHaveProperty(HEADERS.contentType);
  });

  it('keeps extra headers, which never override the ones it sets', () => {
    const extra = {
      [HEADERS.dlqTopic]: 'leads.events.v1',
      [HEADERS.contentType]: 'application/cloudevents+json',
      [HEADERS.schema]: 'forged',
      [HEADERS.requestId]: 'forged',
    };
    // A dead letter of a lead event is a dead-letter record, not a CloudEvent.
    expect(recordHeaders({ ...base, topic: TOPICS.deadLetter, value: '{}', extra })).toEqual({
      'x-dlq-topic': 'leads.events.v1',
      'x-request-id': 'req-1',
      'x-leadgate-schema': 'leadgate.dead-letter.v1',
      'x-leadgate-producer': 'leads',
    });
  });
});

import { Parser } from '@asyncapi/parser';
import { LEAD_EVENT_TYPES } from '@leadgate/contracts';
import { buildAsyncApi } from './asyncapi';

describe('buildAsyncApi', () => {
  const doc = buildAsyncApi();

  it('is AsyncAPI 3.0 with one channel on leads.events.v1 and a message per event type', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.channels.leadEvents.address).toBe('leads.events.v1');
    expect(Object.values(doc.components.messages).map((message) => message.name)).toEqual([...LEAD_EVENT_TYPES]);
    expect(doc.operations.receiveLeadEvents.action).toBe('receive');
    for (const { $ref } of doc.operations.receiveLeadEvents.messages) {
      const key = $ref.split('/').pop() as string;
      expect(doc.channels.leadEvents.messages).toHaveProperty(key);
    }
  });

  it('describes the CloudEvents envelope and the data of each event', () => {
    const message = doc.components.messages['leadStatusChanged'];
    expect(message.payload['required']).toEqual([
      'specversion',
      'id',
      'source',
      'type',
      'subject',
      'time',
      'datacontenttype',
      'data',
    ]);
    expect(message.payload['properties']).toMatchObject({
      type: { const: 'lead.status_changed' },
      specversion: { const: '1.0' },
    });
    expect(doc.components.schemas.LeadEventData.required).toEqual(['campaign_id', 'lead', 'changed', 'actor']);
  });

  it('states the CloudEvents Kafka binding, structured mode: content-type and the other headers of every record', () => {
    expect(doc.defaultContentType).toBe('application/cloudevents+json');
    for (const message of Object.values(doc.components.messages)) {
      expect(message.contentType).toBe('application/cloudevents+json');
      expect(message.headers['required']).toEqual([
        'content-type',
        'x-request-id',
        'x-leadgate-schema',
        'x-leadgate-producer',
      ]);
      expect(message.headers['properties']).toMatchObject({
        'content-type': { const: 'application/cloudevents+json' },
        'x-leadgate-schema': { const: 'leads.events.v1' },
      });
    }
  });
});

describe('buildAsyncApi against the AsyncAPI parser', () => {
  it('is a valid AsyncAPI 3 document for @asyncapi/parser (no errors)', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(buildAsyncApi()));
    expect(
      diagnostics
        .filter((diagnostic) => Number(diagnostic.severity) === 0 /* error */)
        .map((diagnostic) => diagnostic.message),
    ).toEqual([]);
    expect(
      document
        ?.channels()
        .all()
        .map((channel) => channel.address()),
    ).toEqual(['leads.events.v1']);
    const message = document?.messages().all()[0];
    expect(message?.contentType()).toBe('application/cloudevents+json');
    expect(Object.keys(message?.headers()?.properties() ?? {})).toContain('content-type');
  }, 30000);
});

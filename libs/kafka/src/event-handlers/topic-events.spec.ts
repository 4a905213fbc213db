import { KafkaContext } from '@nestjs/microservices';
import { HEADERS, TOPICS } from '@leadgate/contracts';
import { currentRequestId } from '@leadgate/observability';
import { DeadLetterSink, PoisonMessage } from '@leadgate/kafka/dead-letter/dead-letter-sink';
import { TopicEvents } from './topic-events';

/** A message the way Nest's transport hands it over with keepBinary: value bytes, key and headers strings. */
function contextOf(value: string | null, headers: Record<string, string> = {}): KafkaContext {
  const message = {
    key: 'key-1',
    value: value === null ? null : Buffer.from(value),
    headers,
    offset: '42',
    timestamp: '0',
    attributes: 0,
    size: 0,
  };
  return new KafkaContext([message as never, 2, TOPICS.tokenUsage, null as never, async () => {}, null as never]);
}

function eventsWithSink() {
  const poisoned: PoisonMessage[] = [];
  const sink = { send: async (poison: PoisonMessage) => void poisoned.push(poison) } as unknown as DeadLetterSink;
  return { events: new TopicEvents(sink), poisoned };
}

const report = JSON.stringify({
  gateway: 'gw-1',
  usage: [{ token_id: 'tok_1', last_used_at: '2026-01-01T00:00:00.000Z' }],
});

describe('TopicEvents', () => {
  it('hands the decoded payload to the handler inside the request id from the headers', async () => {
    const { events, poisoned } = eventsWithSink();
    const seen: { gateway: string; requestId?: string }[] = [];
    await events.handle(TOPICS.tokenUsage, contextOf(report, { [HEADERS.requestId]: 'req-1' }), async (payload) => {
      seen.push({ gateway: payload.gateway, requestId: currentRequestId() });
    });
    expect(seen).toEqual([{ gateway: 'gw-1', requestId: 'req-1' }]);
    expect(poisoned).toEqual([]);
  });

  it('sends a message that breaks the contract to the dead letter, with its bytes, and does not handle it', async () => {
    const { events, poisoned } = eventsWithSink();
    const handler = jest.fn(async () => {});
    await events.handle(TOPICS.tokenUsage, contextOf('{"gateway": 1}', { [HEADERS.requestId]: 'req-2' }), handler);
    await events.handle(TOPICS.tokenUsage, contextOf('not json'), handler);
    expect(handler).not.toHaveBeenCalled();
    expect(poisoned.map((poison) => [poison.topic, poison.partition, poison.message.offset])).toEqual([
      [TOPICS.tokenUsage, 2, '42'],
      [TOPICS.tokenUsage, 2, '42'],
    ]);
    expect(poisoned[0]?.message.key).toEqual(Buffer.from('key-1'));
    expect(poisoned[1]?.message.value).toEqual(Buffer.from('not json'));
  });

  it('skips a tombstone', async () => {
    const { events, poisoned } = eventsWithSink();
    const handler = jest.fn(async () => {});
    await events.handle(TOPICS.tokenUsage, contextOf(null), handler);
    expect(handler).not.toHaveBeenCalled();
    expect(poisoned).toEqual([]);
  });

  it('throws a handler error back to the transport, which retries the message', async () => {
    const { events } = eventsWithSink();
    const failing = async () => {
      throw new Error('database down');
    };
    await expect(events.handle(TOPICS.tokenUsage, contextOf(report), failing)).rejects.toThrow('database down');
  });
});

import pino from 'pino';
import { TOPICS } from '@leadgate/contracts';
import { KafkaPublisher } from '@leadgate/kafka/publisher/kafka-publisher';
import { StateOutbox } from './state-outbox';

interface Doc {
  id: string;
  version: number;
  pending: boolean;
}

function setup(failFirstPublishes: number) {
  const docs = new Map<string, Doc>([
    ['a', { id: 'a', version: 1, pending: true }],
    ['b', { id: 'b', version: 3, pending: true }],
  ]);
  const sent: string[] = [];
  let failures = failFirstPublishes;
  const publisher = {
    publish: async (_topic: string, key: string) => {
      if (failures-- > 0) throw new Error('broker down');
      sent.push(key);
    },
  } as unknown as KafkaPublisher;
  const outbox = new StateOutbox({
    topic: TOPICS.campaignFilters,
    store: {
      findPending: async () => [...docs.values()].filter((doc) => doc.pending),
      markPublished: async (id, version) => {
        const doc = docs.get(id);
        if (doc && doc.version === version) doc.pending = false;
      },
    },
    keyOf: (doc: Doc) => doc.id,
    versionOf: (doc: Doc) => doc.version,
    stateOf: () => null,
    publisher,
    logger: pino({ level: 'silent' }),
    sweepIntervalMs: 60000,
  });
  return { docs, sent, outbox };
}

describe('StateOutbox', () => {
  it('publishes every pending document and clears its mark', async () => {
    const { docs, sent, outbox } = setup(0);
    expect(await outbox.sweep()).toBe(2);
    expect(sent).toEqual(['a', 'b']);
    expect([...docs.values()].every((doc) => !doc.pending)).toBe(true);
    expect(await outbox.sweep()).toBe(0);
  });

  it('keeps documents pending while the broker fails, and publishes them on a later sweep', async () => {
    const { docs, sent, outbox } = setup(1);
    expect(await outbox.sweep()).toBe(0);
    expect(docs.get('a')?.pending).toBe(true);
    expect(await outbox.sweep()).toBe(2);
    expect(sent).toEqual(['a', 'b']);
  });

  it('leaves a document pending when it changed after the publish began', async () => {
    const { docs, outbox } = setup(0);
    const stale = { ...docs.get('a')! };
    docs.get('a')!.version = 2; // a newer write landed meanwhile
    await outbox.publish(stale);
    expect(docs.get('a')?.pending).toBe(true);
  });
});

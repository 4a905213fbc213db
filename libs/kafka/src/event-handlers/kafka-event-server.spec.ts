import { EventEmitter } from 'node:events';
import { EachMessagePayload } from 'kafkajs';
import pino from 'pino';
import { KafkaEventServer } from './kafka-event-server';

const EVENTS = {
  CONNECT: 'consumer.connect',
  GROUP_JOIN: 'consumer.group_join',
  CRASH: 'consumer.crash',
  STOP: 'consumer.stop',
  DISCONNECT: 'consumer.disconnect',
  REBALANCING: 'consumer.rebalancing',
};

/** Exposes what ServerKafka keeps protected, to check the settings and the consumer's state. */
class InspectableServer extends KafkaEventServer {
  /** Offsets whose handler throws; Nest's own routing of a message is not under test here. */
  readonly failing = new Set<string>();

  override async handleMessage(payload: EachMessagePayload): Promise<void> {
    if (this.failing.has(payload.message.offset)) throw new Error('handler failed');
  }

  settingsSeen() {
    return { groupId: this.groupId, clientId: this.clientId, options: this.options };
  }

  attach(consumer: ReturnType<typeof fakeConsumer>) {
    this.consumer = consumer as never;
    this.registerConsumerEventListeners();
  }
}

const server = (commitIntervalMs?: number) =>
  new InspectableServer({
    connection: { brokers: ['127.0.0.1:9092'] },
    clientId: 'identity-1.events',
    groupId: 'identity.token-usage',
    fromBeginning: true,
    logger: pino({ level: 'silent' }),
    commitIntervalMs,
  });

const joined = (memberAssignment: Record<string, number[]>) => ({ payload: { memberAssignment } });

function message(topic: string, partition: number, offset: string): EachMessagePayload {
  return { topic, partition, message: { offset } } as EachMessagePayload;
}

function fakeConsumer() {
  return Object.assign(new EventEmitter(), {
    events: EVENTS,
    commitOffsets: jest.fn().mockResolvedValue(undefined),
    disconnect: jest.fn().mockResolvedValue(undefined),
  });
}

describe('KafkaEventServer', () => {
  it('keeps the group id as given, reads a new group from the beginning and leaves values as bytes', () => {
    const seen = server().settingsSeen();
    expect(seen.groupId).toBe('identity.token-usage');
    expect(seen.clientId).toBe('identity-1.events');
    expect(seen.options.subscribe).toEqual({ fromBeginning: true });
    expect(seen.options.consumer).toMatchObject({ allowAutoTopicCreation: false });
    expect(seen.options.parser).toEqual({ keepBinary: true });
    expect(seen.options.run).toEqual({ autoCommit: false });
  });

  it('commits an offset once its handler returned, not one whose handler threw, and commits at close', async () => {
    const subject = server();
    const consumer = fakeConsumer();
    subject.attach(consumer);
    subject.failing.add('5');
    const handle = subject.getMessageHandler();
    await handle(message('leads.events.v1', 2, '4'));
    await expect(handle(message('leads.events.v1', 2, '5'))).rejects.toThrow('handler failed');
    expect(consumer.commitOffsets).not.toHaveBeenCalled();
    await subject.close();
    expect(consumer.commitOffsets).toHaveBeenCalledWith([{ topic: 'leads.events.v1', partition: 2, offset: '5' }]);
    expect(consumer.disconnect).toHaveBeenCalled();
  });

  it('commits on a timer, once per interval for everything handled in it, and retries a failed commit', async () => {
    const subject = server(20);
    const consumer = fakeConsumer();
    consumer.commitOffsets.mockRejectedValueOnce(new Error('rebalance in progress'));
    subject.attach(consumer);
    const handle = subject.getMessageHandler();
    for (const offset of ['1', '2', '3']) await handle(message('t', 0, offset));
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(consumer.commitOffsets.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(consumer.commitOffsets).toHaveBeenLastCalledWith([{ topic: 't', partition: 0, offset: '4' }]);
    await subject.close();
  });

  it('after a rebalance commits only the partitions it still owns', async () => {
    const subject = server();
    const consumer = fakeConsumer();
    subject.attach(consumer);
    const handle = subject.getMessageHandler();
    await handle(message('t', 0, '10'));
    await handle(message('t', 1, '10'));
    consumer.emit(EVENTS.GROUP_JOIN, joined({ t: [1] }));
    await subject.close();
    expect(consumer.commitOffsets).toHaveBeenCalledWith([{ topic: 't', partition: 1, offset: '11' }]);
  });

  it('follows its consumer: connected, joined, crashed, disconnected', () => {
    const subject = server();
    const consumer = fakeConsumer();
    subject.attach(consumer);
    expect(subject.consumerState).toEqual({ connected: false, joined: false, crashed: false });
    consumer.emit(EVENTS.CONNECT);
    consumer.emit(EVENTS.GROUP_JOIN, joined({ t: [0] }));
    expect(subject.consumerState).toEqual({ connected: true, joined: true, crashed: false });
    consumer.emit(EVENTS.CRASH);
    expect(subject.consumerState).toEqual({ connected: true, joined: false, crashed: true });
    consumer.emit(EVENTS.GROUP_JOIN, joined({ t: [0] }));
    expect(subject.consumerState).toEqual({ connected: true, joined: true, crashed: false });
    consumer.emit(EVENTS.DISCONNECT);
    expect(subject.consumerState).toEqual({ connected: false, joined: false, crashed: false });
  });

  it('finds a topic handler as Nest does, working out each route once', () => {
    const subject = server();
    const handler = Object.assign(jest.fn(), { isEventHandler: true });
    subject.addHandler('leads.events.v1', handler, true);
    subject.addHandler({ cmd: 'ping' }, jest.fn(), true);
    // Nest works a route out in normalizePattern (protected): counted to see the cache at work.
    const normalize = jest.spyOn(
      subject as unknown as { normalizePattern: (pattern: unknown) => string },
      'normalizePattern',
    );
    expect(subject.getHandlerByPattern('leads.events.v1')).toBe(handler);
    expect(subject.getHandlerByPattern('leads.events.v1')).toBe(handler);
    expect(subject.getHandlerByPattern('{"cmd":"ping"}')).not.toBeNull();
    expect(subject.getHandlerByPattern('campaigns.state.v1')).toBeNull();
    expect(normalize).toHaveBeenCalledTimes(3);
  });
});

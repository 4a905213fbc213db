import { EventEmitter } from 'node:events';
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
  settingsSeen() {
    return { groupId: this.groupId, clientId: this.clientId, options: this.options };
  }

  attach(consumer: EventEmitter & { events: typeof EVENTS }) {
    this.consumer = consumer as never;
    this.registerConsumerEventListeners();
  }
}

const server = () =>
  new InspectableServer({
    brokers: ['127.0.0.1:9092'],
    clientId: 'identity-1.events',
    groupId: 'identity.token-usage',
    fromBeginning: true,
    logger: pino({ level: 'silent' }),
  });

describe('KafkaEventServer', () => {
  it('keeps the group id as given, reads a new group from the beginning and leaves values as bytes', () => {
    const seen = server().settingsSeen();
    expect(seen.groupId).toBe('identity.token-usage');
    expect(seen.clientId).toBe('identity-1.events');
    expect(seen.options.subscribe).toEqual({ fromBeginning: true });
    expect(seen.options.consumer).toMatchObject({ allowAutoTopicCreation: false });
    expect(seen.options.parser).toEqual({ keepBinary: true });
  });

  it('follows its consumer: connected, joined, crashed, disconnected', () => {
    const subject = server();
    const consumer = Object.assign(new EventEmitter(), { events: EVENTS });
    subject.attach(consumer);
    expect(subject.consumerState).toEqual({ connected: false, joined: false, crashed: false });
    consumer.emit(EVENTS.CONNECT);
    consumer.emit(EVENTS.GROUP_JOIN);
    expect(subject.consumerState).toEqual({ connected: true, joined: true, crashed: false });
    consumer.emit(EVENTS.CRASH);
    expect(subject.consumerState).toEqual({ connected: true, joined: false, crashed: true });
    consumer.emit(EVENTS.GROUP_JOIN);
    expect(subject.consumerState).toEqual({ connected: true, joined: true, crashed: false });
    consumer.emit(EVENTS.DISCONNECT);
    expect(subject.consumerState).toEqual({ connected: false, joined: false, crashed: false });
  });
});

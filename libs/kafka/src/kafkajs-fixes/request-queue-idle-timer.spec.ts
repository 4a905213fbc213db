/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs internals have no types */
import { fixKafkajsIdleTimer, PATCHED_KAFKAJS_VERSION } from './request-queue-idle-timer';

interface QueueUnderTest {
  push(request: {
    entry: { correlationId: number; resolve: () => void };
    expectResponse: boolean;
    sendRequest: () => void;
  }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
}

const quietLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A fresh kafkajs module each time, so one test sees kafkajs as shipped and the others the fix. */
function newQueue(fixed: boolean): QueueUnderTest {
  let queue: QueueUnderTest | undefined;
  jest.isolateModules(() => {
    if (fixed) (require('./request-queue-idle-timer') as { fixKafkajsIdleTimer: () => boolean }).fixKafkajsIdleTimer();
    const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => QueueUnderTest;
    queue = new RequestQueue({
      maxInFlightRequests: null,
      requestTimeout: 30_000,
      enforceRequestTimeout: false,
      clientId: 'test',
      broker: 'broker:9092',
      logger: quietLogger,
    });
  });
  return queue!;
}

/** A response for a request that was never sent: kafkajs then checks its pending queue. */
const anyResponse = { correlationId: 1, payload: Buffer.alloc(0), size: 0 };

describe('kafkajs request queue idle timer fix', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is written against the installed kafkajs (re-check the fix, or drop it, on an upgrade)', () => {
    expect(require('kafkajs/package.json').version).toBe(PATCHED_KAFKAJS_VERSION);
    expect(fixKafkajsIdleTimer()).toBe(true);
  });

  it('kafkajs as shipped keeps a timer running after a response with nothing pending', () => {
    const queue = newQueue(false);
    queue.fulfillRequest(anyResponse);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(5);
    expect(jest.getTimerCount()).toBe(1);
    queue.destroy();
  });

  it('leaves no timer after a response with nothing pending', () => {
    const queue = newQueue(true);
    queue.fulfillRequest(anyResponse);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still sends a request held back by broker throttling once the throttle ends, then stops', () => {
    const queue = newQueue(true);
    const sent = jest.fn();
    queue.maybeThrottle(50);
    queue.push({ entry: { correlationId: 2, resolve: () => {} }, expectResponse: false, sendRequest: sent });
    jest.advanceTimersByTime(49);
    expect(sent).not.toHaveBeenCalled();
    jest.advanceTimersByTime(2);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});

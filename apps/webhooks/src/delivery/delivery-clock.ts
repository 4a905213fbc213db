/** Time and randomness of the delivery worker, injectable so tests can pin them. */
export interface DeliveryClock {
  now(): number;
  /** [0, 1): the retry jitter. */
  random(): number;
}

export const DELIVERY_CLOCK = Symbol('DELIVERY_CLOCK');

export const SYSTEM_CLOCK: DeliveryClock = { now: () => Date.now(), random: () => Math.random() };

import { ENDPOINT_RECHECK_MS, EndpointSlots } from './endpoint-slots';

const SLOW = 'https://slow.example/hook';
const FAST = 'https://fast.example/hook';

function fill(slots: EndpointSlots, endpoint: string, times: number): void {
  for (let index = 0; index < times; index += 1) slots.take(endpoint);
}

describe('EndpointSlots', () => {
  it('counts the sends in flight per endpoint against the limit', () => {
    const slots = new EndpointSlots(2);
    expect(slots.isFull(SLOW)).toBe(false);
    fill(slots, SLOW, 2);
    expect(slots.isFull(SLOW)).toBe(true);
    expect(slots.isFull(FAST)).toBe(false);
    slots.release(SLOW);
    expect(slots.isFull(SLOW)).toBe(false);
  });

  it('holds back every subscription of a full endpoint, and only while it is full', () => {
    const slots = new EndpointSlots(2);
    slots.learn('whk_slow', SLOW, 0);
    slots.learn('whk_slow_too', SLOW, 0);
    slots.learn('whk_fast', FAST, 0);
    expect(slots.heldBack()).toEqual([]);
    fill(slots, SLOW, 2);
    expect(slots.heldBack().sort()).toEqual(['whk_slow', 'whk_slow_too']);
    slots.release(SLOW);
    expect(slots.heldBack()).toEqual([]);
  });

  it('follows a subscription that moved to another URL, and forgets one that is gone', () => {
    const slots = new EndpointSlots(1);
    slots.learn('whk_1', SLOW, 0);
    slots.learn('whk_2', SLOW, 0);
    slots.take(SLOW);
    slots.learn('whk_1', FAST, 1);
    slots.learn('whk_2', null, 1);
    expect(slots.heldBack()).toEqual([]);
    expect(slots.knownSubscriptions).toBe(1);
  });

  it('asks for a recheck of the subscriptions on a full endpoint once their entry is old, and forgets the rest', () => {
    const slots = new EndpointSlots(1);
    slots.learn('whk_slow', SLOW, 0);
    slots.learn('whk_fast', FAST, 0);
    slots.take(SLOW);
    expect(slots.toRecheck(ENDPOINT_RECHECK_MS - 1)).toEqual([]);
    expect(slots.knownSubscriptions).toBe(2);

    expect(slots.toRecheck(ENDPOINT_RECHECK_MS)).toEqual(['whk_slow']);
    // Still held back until the lookup answers otherwise; the idle endpoint's entry is gone.
    expect(slots.heldBack()).toEqual(['whk_slow']);
    expect(slots.knownSubscriptions).toBe(1);

    slots.learn('whk_slow', SLOW, ENDPOINT_RECHECK_MS);
    expect(slots.toRecheck(ENDPOINT_RECHECK_MS + 1)).toEqual([]);
  });

  it('stays bounded: subscriptions seen once are dropped after the recheck time', () => {
    const slots = new EndpointSlots(4);
    for (let index = 0; index < 1000; index += 1) slots.learn(`whk_${index}`, `https://p${index}.example/`, 0);
    slots.toRecheck(ENDPOINT_RECHECK_MS);
    expect(slots.knownSubscriptions).toBe(0);
  });

  it('a release without a take leaves nothing behind', () => {
    const slots = new EndpointSlots(1);
    slots.release(SLOW);
    slots.take(SLOW);
    expect(slots.isFull(SLOW)).toBe(true);
  });
});

import { MONGO_URL, uniqueRunId } from '@leadgate/testing';
import mongoose, { Connection } from 'mongoose';
import { DeliveriesRepository } from '@webhooks/delivery/deliveries.repository';
import { DELIVERY_CLAIM_MODEL, DeliveryClaim, deliveryClaimSchema } from '@webhooks/delivery/delivery-claim.schema';
import { DELIVERY_MODEL, DeliveryJob, deliverySchema } from '@webhooks/delivery/delivery.schema';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

let counter = 0;
const job = (overrides: Partial<DeliveryJob> = {}): DeliveryJob => {
  counter += 1;
  return {
    _id: `dlv_${counter}`,
    subscription_id: 'whk_1',
    account_id: 'acc_1',
    token_id: 'tok_1',
    event_id: `evt_${counter}`,
    event_type: 'lead.created',
    lead_id: `lead_${counter}`,
    lead_version: 1,
    event_json: '{}',
    status: 'pending',
    manual: false,
    attempts: 0,
    next_attempt_at: at(0),
    first_failed_at: null,
    lease_until: null,
    reason: null,
    history: [],
    created_at: at(0),
    updated_at: at(0),
    ...overrides,
  };
};

/** The delivery queue's database rules on the real store (FerretDB): dedupe, due, leases, order, retry, retention. */
describe('DeliveriesRepository on FerretDB', () => {
  let connection: Connection;
  let repository: DeliveriesRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(MONGO_URL, { dbName: `${uniqueRunId()}_webhooks_repo` }).asPromise();
    const jobs = connection.model<DeliveryJob>(DELIVERY_MODEL, deliverySchema);
    const claims = connection.model<DeliveryClaim>(DELIVERY_CLAIM_MODEL, deliveryClaimSchema);
    await Promise.all([jobs.init(), claims.init()]);
    repository = new DeliveriesRepository(jobs, claims);
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('stores an event once per subscription, however often the message comes', async () => {
    const first = job({ event_id: 'evt_dup' });
    expect(await repository.store(first)).toBe(true);
    expect(await repository.store({ ...job(), event_id: 'evt_dup' })).toBe(false);
    expect(await repository.store({ ...job(), event_id: 'evt_dup', subscription_id: 'whk_2' })).toBe(true);
  });

  it('answers what is due and what a dead worker left, not what waits or is held', async () => {
    const due = job({ subscription_id: 'whk_due', next_attempt_at: at(10) });
    const later = job({ subscription_id: 'whk_due', next_attempt_at: at(100) });
    const abandoned = job({ subscription_id: 'whk_due', status: 'sending', lease_until: at(5) });
    const held = job({ subscription_id: 'whk_due', status: 'sending', lease_until: at(60) });
    for (const entry of [due, later, abandoned, held]) await repository.store(entry);
    const ids = (await repository.due(at(20), 100)).map((entry) => entry._id);
    expect(ids).toEqual(expect.arrayContaining([due._id, abandoned._id]));
    expect(ids).not.toContain(later._id);
    expect(ids).not.toContain(held._id);
  });

  it('leaves out the jobs of held-back subscriptions (endpoint full), due or abandoned, and only those', async () => {
    const full = job({ subscription_id: 'whk_full', next_attempt_at: at(1) });
    const fullAbandoned = job({ subscription_id: 'whk_full_too', status: 'sending', lease_until: at(1) });
    const room = job({ subscription_id: 'whk_room', next_attempt_at: at(2) });
    const roomAbandoned = job({ subscription_id: 'whk_room', status: 'sending', lease_until: at(2) });
    for (const entry of [full, fullAbandoned, room, roomAbandoned]) await repository.store(entry);
    const ids = (await repository.due(at(20), 100, ['whk_full', 'whk_full_too'])).map((entry) => entry._id);
    expect(ids).toEqual(expect.arrayContaining([room._id, roomAbandoned._id]));
    expect(ids).not.toContain(full._id);
    expect(ids).not.toContain(fullAbandoned._id);
    // A value shaped like an operator is matched as text: it leaves nothing out.
    const operator = { $ne: null } as unknown as string;
    const unfiltered = (await repository.due(at(20), 100, [operator])).map((entry) => entry._id);
    expect(unfiltered).toEqual(expect.arrayContaining([full._id, fullAbandoned._id, room._id]));
  });

  it('lets exactly one of several workers claim a job, and only the holder settle it', async () => {
    const entry = job({ subscription_id: 'whk_claim' });
    await repository.store(entry);
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, index) => repository.claim(entry, at(1), at(61 + index))),
    );
    const winners = claims.filter((claim) => claim !== null);
    expect(winners).toHaveLength(1);
    const held = winners[0];
    expect(await repository.settle({ ...held, lease_until: at(999) }, { status: 'delivered' })).toBe(false);
    expect(await repository.settle(held, { status: 'delivered', lease_until: null })).toBe(true);
    expect(await repository.claim(entry, at(2), at(63))).toBeNull();
  });

  it('holds a lead’s later event while an earlier one is unfinished, and names the earliest it waits for', async () => {
    const first = job({ subscription_id: 'whk_order', lead_id: 'lead_o', lead_version: 1 });
    const second = job({ subscription_id: 'whk_order', lead_id: 'lead_o', lead_version: 2 });
    const third = job({ subscription_id: 'whk_order', lead_id: 'lead_o', lead_version: 3 });
    for (const entry of [third, first, second]) await repository.store(entry);
    expect(await repository.firstEarlierUnfinished(third)).toMatchObject({ _id: first._id, status: 'pending' });
    expect(await repository.firstEarlierUnfinished(second)).toMatchObject({ _id: first._id });
    expect(await repository.firstEarlierUnfinished(first)).toBeNull();
    const held = (await repository.claim(first, at(1), at(61)))!;
    expect(await repository.firstEarlierUnfinished(second)).toMatchObject({ status: 'sending', lease_until: at(61) });
    await repository.settle(held, { status: 'failed', lease_until: null });
    expect(await repository.firstEarlierUnfinished(second)).toBeNull();
    expect(await repository.firstEarlierUnfinished(third)).toMatchObject({ _id: second._id });
  });

  it('moves a lead’s waiting events later only while pending and due earlier, and brings them forward', async () => {
    const first = job({ subscription_id: 'whk_wait', lead_id: 'lead_w', lead_version: 1 });
    const second = job({ subscription_id: 'whk_wait', lead_id: 'lead_w', lead_version: 2 });
    const third = job({ subscription_id: 'whk_wait', lead_id: 'lead_w', lead_version: 3, next_attempt_at: at(50) });
    const otherLead = job({ subscription_id: 'whk_wait', lead_id: 'lead_x', lead_version: 2 });
    for (const entry of [first, second, third, otherLead]) await repository.store(entry);
    const nextOf = async (id: string) => (await repository.findOf('whk_wait', id))?.next_attempt_at;
    const blocker = (await repository.firstEarlierUnfinished(second))!;
    expect(blocker._id).toBe(first._id);
    expect(await repository.stillBlocks(blocker)).toBe(true);

    await repository.deferFollowers(blocker, at(40));
    expect([await nextOf(first._id), await nextOf(second._id), await nextOf(third._id)]).toEqual([
      at(0),
      at(40),
      at(50),
    ]);
    expect(await nextOf(otherLead._id)).toBe(at(0));
    await repository.bringFollowersForward(first, at(45));
    expect([await nextOf(second._id), await nextOf(third._id)]).toEqual([at(40), at(45)]);
    await repository.bringFollowersForward(first, at(10));
    expect([await nextOf(first._id), await nextOf(second._id), await nextOf(third._id)]).toEqual([
      at(0),
      at(10),
      at(10),
    ]);

    const held = (await repository.claim(first, at(1), at(61)))!;
    await repository.settle(held, { status: 'delivered', lease_until: null });
    expect(await repository.stillBlocks(blocker)).toBe(false);
    // A value shaped like an operator is refused, never obeyed: nothing moves.
    const operator = { $ne: null } as unknown as string;
    await expect(repository.bringFollowersForward({ ...first, lead_id: operator }, at(5))).rejects.toThrow();
    await expect(
      repository.deferFollowers({ ...blocker, lead_id: operator, subscription_id: operator }, at(99)),
    ).rejects.toThrow();
    expect([await nextOf(second._id), await nextOf(otherLead._id)]).toEqual([at(10), at(0)]);
  });

  it('retries a finished job as one manual attempt, brings a pending one forward, leaves one in flight alone', async () => {
    const done = job({ subscription_id: 'whk_retry', status: 'delivered', attempts: 1 });
    const waiting = job({ subscription_id: 'whk_retry', next_attempt_at: at(500), attempts: 2 });
    const sending = job({ subscription_id: 'whk_retry', status: 'sending', lease_until: at(60) });
    for (const entry of [done, waiting, sending]) await repository.store(entry);
    expect(await repository.retryNow('whk_retry', done._id, at(30))).toMatchObject({
      status: 'pending',
      manual: true,
      next_attempt_at: at(30),
    });
    expect(await repository.retryNow('whk_retry', waiting._id, at(30))).toMatchObject({
      status: 'pending',
      manual: false,
      next_attempt_at: at(30),
    });
    expect(await repository.retryNow('whk_retry', sending._id, at(30))).toBeNull();
    expect(await repository.retryNow('whk_other', done._id, at(30))).toBeNull();
  });

  it('pages the log newest first', async () => {
    const entries = [1, 2, 3].map((second) => job({ subscription_id: 'whk_page', created_at: at(second) }));
    for (const entry of entries) await repository.store(entry);
    const first = await repository.listOf('whk_page', 2, null);
    expect(first.map((entry) => entry._id)).toEqual([entries[2]._id, entries[1]._id]);
    const last = first[1];
    const next = await repository.listOf('whk_page', 2, { created_at: last.created_at, id: last._id });
    expect(next.map((entry) => entry._id)).toEqual([entries[0]._id]);
  });

  it('forgets finished jobs past the retention, never unfinished ones', async () => {
    const old = job({ subscription_id: 'whk_keep', status: 'delivered', updated_at: at(-100) });
    const oldPending = job({ subscription_id: 'whk_keep', status: 'pending', updated_at: at(-100) });
    const recent = job({ subscription_id: 'whk_keep', status: 'failed', updated_at: at(100) });
    for (const entry of [old, oldPending, recent]) await repository.store(entry);
    await repository.forgetFinishedBefore(at(0));
    const left = (await repository.listOf('whk_keep', 10, null)).map((entry) => entry._id);
    expect(left.sort()).toEqual([oldPending._id, recent._id].sort());
  });
});

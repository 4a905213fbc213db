import { MONGO_URL, waitFor } from '@leadgate/testing';
import { Collection, MongoClient } from 'mongodb';
import { Webhook } from 'standardwebhooks';
import { Received } from './webhook-receiver';
import {
  createLead,
  createPartnerBatch,
  partnerToken,
  patchLead,
  subscribe,
  webhooksEnv,
  webhooksWorld,
  WebhooksWorld,
} from './webhook-test-setup';

/**
 * Leads whose creation fails, each updated several times: more waiting updates than the worker's
 * scan of the 200 oldest due jobs, and few enough failing creations that their retries alone
 * (every few seconds on this clock) keep the worker far from full.
 */
const LEADS = 25;
const UPDATES_PER_LEAD = 10;
const WAITING = LEADS * UPDATES_PER_LEAD;
/**
 * Slower than the other webhook tests' clock: the failing creations must keep being retried
 * (delays capped at 3.6 s), not give up within the test (the scaled day is 86.4 s).
 */
const RETRY_TIME_SCALE = 0.001;
const LATE_BOUND_MS = 5000;
const LATE_WAIT_MS = 15_000;
/** Well past the capped retry delay: every failing creation is due again within it. */
const RETRIED_WITHIN_MS = 10_000;

/** Polls `look` until it answers something or `ms` have passed; its last answer. */
async function lookUntil<T>(ms: number, look: () => Promise<T | undefined>): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const answer = await look();
    if (answer !== undefined || Date.now() >= deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const subjectOf = (entry: Received) => (JSON.parse(entry.body) as { subject: string }).subject;

/**
 * A partner whose endpoint answers 500: each lead's creation is retried with backoff, and each
 * lead's later event waits for it (order per lead). Those waiting events, more than a scan's worth,
 * used to keep their creation time and fill every scan of the oldest due jobs: a partner who
 * subscribed afterwards got nothing, and the failing creations, backed off behind them, were never
 * retried again. Now a waiting event moves behind the event it waits for.
 */
describe('a failing webhook endpoint with events waiting per lead', () => {
  let world: WebhooksWorld;
  let mongo: MongoClient;
  let jobs: Collection;
  let failingHook: { id: string; secret: string };
  const failingPath = '/answers-500';

  beforeAll(async () => {
    world = await webhooksWorld(webhooksEnv({ WEBHOOK_RETRY_TIME_SCALE: String(RETRY_TIME_SCALE) }));
    mongo = await MongoClient.connect(MONGO_URL);
    jobs = mongo.db(`${world.platform.runId}_webhooks`).collection('webhook_deliveries');
    const failingToken = await partnerToken(world, 'Partner whose endpoint fails');
    failingHook = await subscribe(world, failingToken, world.receiver.url(failingPath, 500), [
      'lead.created',
      'lead.updated',
    ]);
  }, 180_000);

  afterAll(async () => {
    await mongo?.close();
    await world?.platform.stop();
    await world?.receiver.stop();
  });

  const countOf = (eventType: string, leadIds: string[]) =>
    jobs.countDocuments({ subscription_id: failingHook.id, event_type: eventType, lead_id: { $in: leadIds } });

  it('neither hides a partner subscribed afterwards nor starves its own retries', async () => {
    const leadIds = await createPartnerBatch(world, LEADS, 'Failing');
    expect(leadIds).toHaveLength(LEADS);
    await waitFor('every creation queued', async () => (await countOf('lead.created', leadIds)) === LEADS, 30_000, 100);

    const patchStarted = Date.now();
    // Round by round, so each lead's updates are made (and queued) in order.
    for (let round = 0; round < UPDATES_PER_LEAD; round += 1) {
      await Promise.all(leadIds.map((leadId) => patchLead(world, leadId, { fields: { name: `Patched ${round}` } })));
    }
    await waitFor('every update queued', async () => (await countOf('lead.updated', leadIds)) === WAITING, 30_000, 100);
    const patchedIn = Date.now() - patchStarted;
    // Each update waits behind its lead's failing creation.
    expect(
      await jobs.countDocuments({ subscription_id: failingHook.id, event_type: 'lead.updated', attempts: 0 }),
    ).toBe(WAITING);

    const latePath = '/subscribed-after-the-failures';
    const lateToken = await partnerToken(world, 'Partner subscribed after the failures');
    const lateHook = await subscribe(world, lateToken, world.receiver.url(latePath), ['lead.created']);
    const createdAt = Date.now();
    const leadId = await createLead(world, { name: 'After the failures' });
    // Both checks run to their deadline before the assertions, so a failure shows both symptoms.
    const arrival = await lookUntil(LATE_WAIT_MS, async () =>
      world.receiver.at(latePath).find((entry) => subjectOf(entry) === leadId),
    );
    const lateMs = arrival ? arrival.at - createdAt : null;

    // Every failing creation is retried again (attempts grow), not left behind the waiting updates.
    const attemptsOf = async () => {
      const created = await jobs
        .find({ subscription_id: failingHook.id, event_type: 'lead.created', lead_id: { $in: leadIds } })
        .project<{ _id: string; attempts: number; status: string }>({ attempts: 1, status: 1 })
        .toArray();
      return new Map(created.map((job) => [job._id, job]));
    };
    const before = await attemptsOf();
    const retriedFrom = Date.now();
    const retriedAgain = async () => {
      const now = await attemptsOf();
      return [...before].filter(([id, job]) => (now.get(id)?.attempts ?? 0) > job.attempts).length;
    };
    await lookUntil(RETRIED_WITHIN_MS, async () => (await retriedAgain()) === LEADS || undefined);
    const retried = await retriedAgain();
    process.stdout.write(
      `[failing-endpoint] ${LEADS} leads updated ${UPDATES_PER_LEAD} times each in ${patchedIn} ms; the late partner had its lead ${
        lateMs ?? 'not'
      } ms after the create; ${retried} of ${LEADS} failing creations retried again within ${
        Date.now() - retriedFrom
      } ms\n`,
    );

    expect(lateMs).not.toBeNull();
    expect(lateMs!).toBeLessThan(LATE_BOUND_MS);
    expect(retried).toBe(LEADS);
    const event = new Webhook(lateHook.secret).verify(arrival!.body, arrival!.headers as Record<string, string>);
    expect(event).toMatchObject({ subject: leadId });
    // None gave up: they are still being retried.
    for (const job of before.values()) expect(['pending', 'sending']).toContain(job.status);
    // Order per lead held: no update reached the failing endpoint.
    expect(world.receiver.events(failingPath).some((received) => received.type === 'lead.updated')).toBe(false);
  }, 120_000);
});

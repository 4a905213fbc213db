import { expectStatus, MONGO_URL, waitFor } from '@leadgate/testing';
import { MongoClient } from 'mongodb';
import { Webhook } from 'standardwebhooks';
import { HangingEndpoint } from './hanging-endpoint';
import { Received } from './webhook-receiver';
import {
  createLead,
  createPartnerBatch,
  partnerToken,
  subscribe,
  webhooksEnv,
  webhooksWorld,
  WebhooksWorld,
} from './webhook-test-setup';

const MAX_IN_FLIGHT_PER_ENDPOINT = 4;
/** Several times the per-endpoint limit: most of the hanging partner's deliveries must wait. */
const LEADS = MAX_IN_FLIGHT_PER_ENDPOINT * 5;
/**
 * Well below the 10 s answer timeout (target-post.ts): a fast delivery queued behind a hanging one
 * would arrive only after that timeout freed a slot.
 */
const FAST_BOUND_MS = 3000;
/** Well past the worker's scan of the 200 oldest due jobs, which such a backlog used to fill on its own. */
const BACKLOG = 300;

const subjectOf = (entry: Received) => (JSON.parse(entry.body) as { subject: string }).subject;

/**
 * Issue 20: the delivery worker holds at most WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT deliveries in
 * flight per endpoint URL, so a partner whose endpoint hangs holds back only its own deliveries.
 * Two partners subscribe to the same campaign, one endpoint never answers, the other answers at
 * once; the fast partner gets every lead, signed, within a few seconds of the last create, while
 * the hanging one has exactly the limit open and the rest waiting. Nor does a backlog of the hanging
 * partner's, larger than the worker's scan of the oldest due jobs, hold back a partner that
 * subscribes after it.
 */
describe('a hanging webhook endpoint does not hold back another partner', () => {
  let world: WebhooksWorld;
  const slow = new HangingEndpoint();
  const slowPath = '/hangs';
  const fastPath = '/answers-at-once';
  let slowHook: { id: string; secret: string };
  let fastHook: { id: string; secret: string };

  beforeAll(async () => {
    await slow.start();
    world = await webhooksWorld(
      webhooksEnv({ WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT: String(MAX_IN_FLIGHT_PER_ENDPOINT) }),
    );
    const fastToken = await partnerToken(world, 'Partner with a fast endpoint');
    fastHook = await subscribe(world, fastToken, world.receiver.url(fastPath), ['lead.created']);
    // One lead through first, so the bound below measures the dispatcher, not the consumer's group join.
    const warmUp = await createLead(world, { name: 'Warm-up Lead' });
    await waitFor('the warm-up lead at the fast endpoint', async () =>
      world.receiver.at(fastPath).some((entry) => subjectOf(entry) === warmUp),
    );
    const slowToken = await partnerToken(world, 'Partner with a hanging endpoint');
    slowHook = await subscribe(world, slowToken, slow.url(slowPath), ['lead.created']);
  }, 180_000);

  afterAll(async () => {
    // The hanging connections go first: the service's shutdown waits for its sends in flight.
    await slow.stop();
    await world?.platform.stop();
    await world?.receiver.stop();
  });

  it('delivers every lead to the fast endpoint within seconds while the hanging one holds only its own slots', async () => {
    const started = Date.now();
    const leadIds: string[] = [];
    // One after another, so the hanging endpoint is full while most of the fast deliveries are made.
    for (let index = 0; index < LEADS; index += 1) {
      leadIds.push(await createLead(world, { name: `Lead ${index}` }));
    }
    const lastCreatedAt = Date.now();
    const fastArrivals = await waitFor(
      'every lead at the fast endpoint',
      async () => {
        const arrived = world.receiver.at(fastPath).filter((entry) => leadIds.includes(subjectOf(entry)));
        return arrived.length >= LEADS ? arrived : undefined;
      },
      20_000,
    );
    const fastDoneAt = Math.max(...fastArrivals.map((entry) => entry.at));
    process.stdout.write(
      `[slow-endpoint] ${LEADS} leads created in ${lastCreatedAt - started} ms; fast endpoint had all ${
        fastDoneAt - lastCreatedAt
      } ms after the last create; hanging endpoint had ${slow.mostOpen} open ${slow.mostOpenAt - started} ms after the first create\n`,
    );

    expect(fastDoneAt - lastCreatedAt).toBeLessThan(FAST_BOUND_MS);
    const verifier = new Webhook(fastHook.secret);
    const delivered = fastArrivals.map(
      (entry) => (verifier.verify(entry.body, entry.headers as Record<string, string>) as { subject: string }).subject,
    );
    expect([...delivered].sort()).toEqual([...leadIds].sort());

    // The hanging endpoint was full before the fast one had everything, and never went past its limit.
    expect(slow.mostOpen).toBe(MAX_IN_FLIGHT_PER_ENDPOINT);
    expect(slow.mostOpenAt).toBeLessThan(fastDoneAt);
    expect(slow.open).toBe(MAX_IN_FLIGHT_PER_ENDPOINT);
    expect(slow.received).toHaveLength(MAX_IN_FLIGHT_PER_ENDPOINT);
    const slowVerifier = new Webhook(slowHook.secret);
    for (const entry of slow.received) {
      const event = slowVerifier.verify(entry.body, entry.headers as Record<string, string>) as { subject: string };
      expect(leadIds).toContain(event.subject);
    }
  });

  // Runs after the test above (the hanging endpoint is full already), but fills it on its own too.
  it('nor does a backlog of more than a scan of older jobs hold back a partner that subscribes after it', async () => {
    // Only the hanging endpoint gets the backlog: the fast one's own 300 older jobs would (rightly)
    // go first, and the time measured below would be theirs.
    expectStatus(await world.admin('PATCH', `/v1/webhooks/${fastHook.id}`, { status: 'disabled' }), 200, 'disable');
    const backlogIds = await createPartnerBatch(world, BACKLOG, 'Backlog');
    expect(backlogIds).toHaveLength(BACKLOG);
    // Every backlog job of the hanging endpoint stored, so all of them are older than the late partner's.
    const mongo = await MongoClient.connect(MONGO_URL);
    try {
      const jobs = mongo.db(`${world.platform.runId}_webhooks`).collection('webhook_deliveries');
      await waitFor(
        'the backlog queued for the hanging endpoint',
        async () =>
          (await jobs.countDocuments({ subscription_id: slowHook.id, lead_id: { $in: backlogIds } })) === BACKLOG,
        30_000,
        100,
      );
    } finally {
      await mongo.close();
    }

    const latePath = '/subscribed-after-the-backlog';
    const lateToken = await partnerToken(world, 'Partner subscribed after the backlog');
    const lateHook = await subscribe(world, lateToken, world.receiver.url(latePath), ['lead.created']);
    const createdAt = Date.now();
    const leadId = await createLead(world, { name: 'After the backlog' });
    const arrival = await waitFor(
      'the lead at the endpoint subscribed after the backlog',
      async () => world.receiver.at(latePath).find((entry) => subjectOf(entry) === leadId),
      15_000,
    );
    process.stdout.write(
      `[slow-endpoint] with ${BACKLOG} older jobs queued for the hanging endpoint, the late partner had its lead ${
        arrival.at - createdAt
      } ms after the create\n`,
    );

    expect(arrival.at - createdAt).toBeLessThan(FAST_BOUND_MS);
    const event = new Webhook(lateHook.secret).verify(arrival.body, arrival.headers as Record<string, string>);
    expect(event).toMatchObject({ subject: leadId });
    expect(slow.mostOpen).toBe(MAX_IN_FLIGHT_PER_ENDPOINT);
  });
});

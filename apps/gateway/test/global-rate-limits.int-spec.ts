import {
  gatewayClient,
  GatewayClient,
  Platform,
  RunningService,
  setUpAccount,
  startPlatform,
  startService,
  waitFor,
} from '@leadgate/testing';
import { phaseOf, WINDOW_MS, windowStartOf } from '@gateway/rate-limit/shared/shared-window-counts';

const LIMIT = 90;
/** Twice the limit over one 60 s window: one request every 333 ms, replica after replica. */
const OFFER_EVERY_MS = WINDOW_MS / (2 * LIMIT);
/** When, in the window, the fourth replica is started: its budget half is already spent by then. */
const FOURTH_STARTS_AT_MS = 32_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  replica: number;
  status: number;
  headers: Headers;
  /** Whether the gateway decided it in the measured window (its RateLimit-Reset points at that window's end). */
  inWindow: boolean;
}

/** On a loaded machine a request sent just before the window ends is decided in the next one. */
function decidedIn(windowEnd: number, headers: Headers): boolean {
  const reset = Number(headers.get('ratelimit-reset'));
  return Math.abs(Date.now() + reset * 1000 - windowEnd) < WINDOW_MS / 2;
}

/**
 * Global rate limits (issue 19, ADR 027): three gateway replicas share one token's budget over
 * gateway.rate-usage.v1. Twice the limit is offered evenly across them for one whole window of the
 * token; they admit at most 1.10 x the limit together (per-replica buckets would admit about 2 x).
 * A fourth replica started mid-window reads the window's counts from the topic by timestamp and
 * admits nothing fresh: its answers are 429 with the RateLimit headers, like the others'.
 */
describe('global rate limits across gateway replicas', () => {
  let platform: Platform;
  const extra: RunningService[] = [];
  const gatewayEnv = () => ({
    IDENTITY_URL: platform.services.identity!.url,
    AUTH_FAILURE_LIMIT_PER_MINUTE: '1000000',
  });

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity'] });
    extra.push(...(await Promise.all([1, 2].map(() => startService('gateway', { env: gatewayEnv() })))));
  });

  afterAll(async () => {
    await Promise.all(extra.map((replica) => replica.stop()));
    await platform?.stop();
  });

  it('admits at most 1.10 x the limit per window at 2 x offered, and a replica joining mid-window adds no budget', async () => {
    const urls = [platform.gateway.url, ...extra.map((replica) => replica.url)];
    const { admin } = await setUpAccount('Global rate limits', {
      identityUrl: platform.services.identity!.url,
      gatewayUrls: urls,
    });
    // Each token's window starts at its own moment in the minute: of a few tokens, take the one
    // whose next window starts soonest (but not before every replica knows it), so the test
    // measures a whole window without waiting up to a minute for it.
    const tokens: { id: string; secret: string }[] = [];
    for (let index = 0; index < 6; index++) {
      const created = await admin('POST', '/v1/admin/tokens', {
        name: `Shared ${index}`,
        scopes: ['campaigns:read'],
        rate_limit_per_minute: LIMIT,
      });
      expect(created.status).toBe(201);
      tokens.push({ id: String(created.body['id']), secret: String(created.body['token']) });
    }
    for (const url of urls) {
      for (const token of tokens) {
        const client = gatewayClient(url, token.secret);
        await waitFor(`token at ${url}`, async () =>
          (await client('GET', '/v1/me')).status === 200 ? true : undefined,
        );
      }
    }
    const earliest = Date.now() + 1000;
    const nextStart = (id: string) => windowStartOf(phaseOf(id), earliest) + WINDOW_MS;
    const token = tokens.reduce((best, candidate) => (nextStart(candidate.id) < nextStart(best.id) ? candidate : best));
    const windowStart = nextStart(token.id);
    const clients: GatewayClient[] = urls.map((url) => gatewayClient(url, token.secret));

    await sleep(windowStart - Date.now() + 50);
    const answers: Answer[] = [];
    const pending: Promise<void>[] = [];
    const fourth = (async () => {
      await sleep(windowStart + FOURTH_STARTS_AT_MS - Date.now());
      const replica = await startService('gateway', { env: gatewayEnv() });
      extra.push(replica);
      clients.push(gatewayClient(replica.url, token.secret));
    })();
    for (let tick = 0; windowStart + tick * OFFER_EVERY_MS < windowStart + WINDOW_MS - 300; tick++) {
      await sleep(windowStart + tick * OFFER_EVERY_MS - Date.now());
      const replica = tick % clients.length;
      pending.push(
        clients[replica]('GET', '/v1/me').then(
          ({ status, headers }) =>
            void answers.push({ replica, status, headers, inWindow: decidedIn(windowStart + WINDOW_MS, headers) }),
        ),
      );
    }
    await Promise.all(pending);
    await fourth;

    expect(answers.length).toBeGreaterThanOrEqual(2 * LIMIT - 3);
    expect(answers.every((answer) => answer.status === 200 || answer.status === 429)).toBe(true);
    const measured = answers.filter((answer) => answer.inWindow);
    const admitted = measured.filter((answer) => answer.status === 200).length;
    const refused = measured.filter((answer) => answer.status === 429);
    expect(admitted).toBeLessThanOrEqual(Math.floor(1.1 * LIMIT));
    // Sharing must not starve the token either: it gets its limit.
    expect(admitted).toBeGreaterThanOrEqual(LIMIT - 2);
    // Every replica refused some: each counted the others' admissions against its own.
    for (const replica of [0, 1, 2]) expect(refused.some((answer) => answer.replica === replica)).toBe(true);

    const fromFourth = measured.filter((answer) => answer.replica === 3);
    expect(fromFourth.length).toBeGreaterThan(0);
    expect(fromFourth.every((answer) => answer.status === 429)).toBe(true);
    for (const answer of refused) {
      expect(answer.headers.get('ratelimit-limit')).toBe(String(LIMIT));
      expect(answer.headers.get('ratelimit-remaining')).toBe('0');
      expect(answer.headers.get('ratelimit-policy')).toBe(`${LIMIT};w=60`);
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
  }, 240_000);
});

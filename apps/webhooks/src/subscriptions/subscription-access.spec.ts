import { TokenStateV1 } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { SubscriptionDocument } from './subscription.schema';
import { SubscriptionAccess } from './subscription-access';
import { isLiveToken } from '@leadgate/contracts';
import { SubscriptionOwners } from './subscription-owners';
import { SubscriptionsRepository } from './subscriptions.repository';

const token = (id: string, scopes: string[], extra: Partial<TokenStateV1> = {}) =>
  ({
    id,
    account_id: 'acc_a',
    kind: 'campaign',
    scopes,
    campaign_id: 'cmp_1',
    revoked_at: null,
    expires_at: null,
    ...extra,
  }) as TokenStateV1;

const PARTNER = token('tok_partner', ['leads:read', 'files:read', 'campaigns:read', 'webhooks:read', 'webhooks:write']);
const TOKENS = new Map<string, TokenStateV1>([
  [PARTNER.id, PARTNER],
  ['tok_owner', token('tok_owner', ['admin'], { kind: 'account', campaign_id: null })],
  ['tok_hooks', token('tok_hooks', ['webhooks:*', 'leads:read'], { kind: 'account', campaign_id: null })],
  ['tok_other', token('tok_other', ['leads:read', 'webhooks:*'], { account_id: 'acc_b' })],
  ['tok_revoked', token('tok_revoked', ['leads:read'], { revoked_at: '2026-01-01T00:00:00.000Z' })],
]);
const readModels = { of: () => ({ get: (id: string) => TOKENS.get(id), fresh: true }) } as unknown as ReadModels;

const subscription = { _id: 'whk_1', account_id: 'acc_a', token_id: PARTNER.id } as SubscriptionDocument;
const repository = {
  findInAccount: async (accountId: string, id: string) =>
    accountId === subscription.account_id && id === subscription._id ? subscription : null,
} as unknown as SubscriptionsRepository;

const principal = (tokenId: string, kind: Principal['kind'], accountId = 'acc_a'): Principal => ({
  token_id: tokenId,
  account_id: accountId,
  kind,
  scopes: TOKENS.get(tokenId)?.scopes ?? ['admin'],
  campaign_id: null,
  filter_id: null,
});

const owners = new SubscriptionOwners(readModels);
const access = new SubscriptionAccess(repository, owners);

async function status(call: () => unknown): Promise<number> {
  try {
    await call();
    return 200;
  } catch (error) {
    return (error as ProblemException).getStatus();
  }
}

describe('SubscriptionAccess.findFor', () => {
  it('serves the owner token and an account-level caller that covers it', async () => {
    expect(await status(() => access.findFor(principal('tok_partner', 'campaign'), 'whk_1'))).toBe(200);
    expect(await status(() => access.findFor(principal('tok_owner', 'account'), 'whk_1'))).toBe(200);
  });

  it('is 404 for a caller that does not cover the owner, another account, and an unknown id', async () => {
    expect(await status(() => access.findFor(principal('tok_hooks', 'account'), 'whk_1'))).toBe(404);
    expect(await status(() => access.findFor(principal('tok_other', 'campaign', 'acc_b'), 'whk_1'))).toBe(404);
    expect(await status(() => access.findFor(principal('tok_partner', 'campaign'), 'whk_2'))).toBe(404);
  });

  it('is 401 for a token this replica knows revoked, whatever the gateway said', async () => {
    expect(await status(() => access.findFor(principal('tok_revoked', 'campaign'), 'whk_1'))).toBe(401);
  });
});

describe('SubscriptionOwners', () => {
  it('admins act on tokens of their account they cover: 404 elsewhere, 403 uncovered, 403 for partners', async () => {
    expect(owners.manageableToken(principal('tok_owner', 'account'), 'tok_partner', 'webhooks:write').id).toBe(
      'tok_partner',
    );
    expect(
      await status(() => owners.manageableToken(principal('tok_owner', 'account'), 'tok_other', 'webhooks:write')),
    ).toBe(404);
    expect(
      await status(() => owners.manageableToken(principal('tok_owner', 'account'), 'tok_nope', 'webhooks:write')),
    ).toBe(404);
    expect(
      await status(() => owners.manageableToken(principal('tok_hooks', 'account'), 'tok_partner', 'webhooks:write')),
    ).toBe(403);
    expect(
      await status(() => owners.manageableToken(principal('tok_partner', 'campaign'), 'tok_partner', 'webhooks:write')),
    ).toBe(403);
  });

  it('only live campaign and account tokens that read leads own subscriptions', () => {
    expect(owners.ownerProblem(PARTNER)).toBeNull();
    expect(owners.ownerProblem(TOKENS.get('tok_revoked') as TokenStateV1)).toMatch(/revoked or expired/);
    expect(owners.ownerProblem(token('t', ['leads:read'], { kind: 'access' }))).toMatch(/campaign and account/);
    expect(owners.ownerProblem(token('t', ['campaigns:read']))).toMatch(/cannot read leads/);
    expect(
      isLiveToken({ revoked_at: null, expires_at: '2026-01-01T00:00:00.000Z' }, Date.parse('2026-01-01T00:00:00.001Z')),
    ).toBe(false);
    expect(isLiveToken({ revoked_at: null, expires_at: null })).toBe(true);
  });

  it('callers of /v1/webhooks are API tokens', async () => {
    expect(await status(() => owners.callerToken(principal('tok_owner', 'user')))).toBe(403);
    expect(await status(() => owners.callerToken(principal('tok_owner', 'access')))).toBe(403);
    expect(owners.callerToken(principal('tok_partner', 'campaign')).id).toBe('tok_partner');
  });
});

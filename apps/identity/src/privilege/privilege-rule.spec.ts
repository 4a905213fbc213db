import { Principal, ProblemException } from '@leadgate/service-kit';
import { maySeeSecretsOf, requireOperation, requirePrivilege } from './privilege-rule';

function principal(kind: Principal['kind'], scopes: string[]): Principal {
  return { token_id: 'tok_1', account_id: 'acc_1', kind, scopes, campaign_id: null, filter_id: null };
}

function refusal(run: () => void): { status: number; type: string; detail: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return { status: error.getStatus(), type: error.problemType, detail: error.message };
  }
}

const admin = { what: 'this token', scopes: ['admin'] };

describe('the privilege rule', () => {
  it('refuses a tokens:write caller an admin target with 403 insufficient_scope naming admin', () => {
    const refused = refusal(() => requirePrivilege(principal('account', ['tokens:write']), 'tokens:write', admin));
    expect(refused?.status).toBe(403);
    expect(refused?.type).toContain('insufficient_scope');
    expect(refused?.detail).toContain('missing: admin');
  });

  it('allows equal and weaker targets, and admin everything', () => {
    const integration = principal('account', ['campaigns:*', 'tokens:*', 'credentials:*']);
    expect(
      refusal(() => requirePrivilege(integration, 'tokens:write', { what: 'x', scopes: integration.scopes })),
    ).toBeNull();
    expect(
      refusal(() => requirePrivilege(integration, 'tokens:write', { what: 'x', scopes: ['tokens:read'] })),
    ).toBeNull();
    expect(refusal(() => requirePrivilege(principal('account', ['admin']), 'tokens:write', admin))).toBeNull();
  });

  it('names every missing scope of a stronger target', () => {
    const refused = refusal(() =>
      requirePrivilege(principal('access', ['tokens:read', 'tokens:write']), 'tokens:write', {
        what: 'this credential',
        scopes: ['tokens:write', 'leads:read', 'leads:write'],
      }),
    );
    expect(refused?.detail).toContain('missing: leads:read leads:write');
  });

  it('needs the operation scope even for a target the caller covers', () => {
    const refused = refusal(() =>
      requirePrivilege(principal('account', ['leads:read']), 'tokens:write', { what: 'x', scopes: ['leads:read'] }),
    );
    expect(refused?.detail).toContain('tokens:write');
  });

  it('needs an account-level caller: a campaign token is refused whatever it holds', () => {
    const campaign = principal('campaign', ['leads:read', 'files:read', 'campaigns:read']);
    expect(refusal(() => requireOperation(campaign, 'leads:read'))?.status).toBe(403);
    expect(maySeeSecretsOf(campaign, ['leads:read'])).toBe(false);
  });

  it('shows secret-bearing state only to a caller that covers the target', () => {
    expect(maySeeSecretsOf(principal('account', ['tokens:read']), ['admin'])).toBe(false);
    expect(maySeeSecretsOf(principal('account', ['tokens:*']), ['tokens:read'])).toBe(true);
    expect(maySeeSecretsOf(principal('access', ['admin']), ['leads:*'])).toBe(true);
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  expiryFromDate,
  gracePeriodProblem,
  MAX_GRACE_PERIOD_SECONDS,
  nextPermissions,
  offeredPresets,
  offeredScopes,
} from './token-form-model';

describe('campaign token permissions (Write and Webhooks imply Read)', () => {
  it('checks Read with Write', () => {
    expect(nextPermissions([], ['write'])).toEqual(['read', 'write']);
  });

  it('unchecks Write with Read', () => {
    expect(nextPermissions(['read', 'write'], ['write'])).toEqual([]);
  });

  it('keeps Read when Write alone is unchecked, and orders read before write', () => {
    expect(nextPermissions(['read', 'write'], ['read'])).toEqual(['read']);
    expect(nextPermissions(['read'], ['write', 'read'])).toEqual(['read', 'write']);
  });

  it('checks Read with Webhooks, and unchecks Webhooks with Read', () => {
    expect(nextPermissions([], ['webhooks'])).toEqual(['read', 'webhooks']);
    expect(nextPermissions(['read', 'write', 'webhooks'], ['write', 'webhooks'])).toEqual([]);
    expect(nextPermissions(['read', 'webhooks'], ['read'])).toEqual(['read']);
  });

  it('ignores values that are not permissions', () => {
    expect(nextPermissions([], ['read', 'admin'])).toEqual(['read']);
  });
});

describe('expiry date to expires_at', () => {
  it('is no expiry without a date', () => {
    expect(expiryFromDate('')).toBeNull();
    expect(expiryFromDate('  ')).toBeNull();
  });

  it('is the end of the chosen day (in the zone the console runs in, UTC here)', () => {
    expect(expiryFromDate('2031-02-03')).toBe('2031-02-03T23:59:59.999Z');
  });

  it('passes what is not a date through, for the API to refuse beside the field', () => {
    expect(expiryFromDate('next week')).toBe('next week');
    expect(expiryFromDate('2031-02-31x')).toBe('2031-02-31x');
  });
});

describe('what the signed-in person may give a token', () => {
  const catalogue = [
    { scope: 'leads:read', description: 'Read leads' },
    { scope: 'users:write', description: 'Invite people' },
    { scope: 'admin', description: 'Everything' },
  ];
  const presets = {
    read_only_analytics: { description: 'Reporting', scopes: ['leads:read', 'campaigns:read'] },
    crm_sync: { description: 'CRM', scopes: ['leads:*', 'files:*', 'campaigns:read'] },
    full_admin: { description: 'Everything', scopes: ['admin'] },
  };

  it('offers an admin everything', () => {
    expect(offeredScopes(catalogue, ['admin']).map((entry) => entry.scope)).toEqual([
      'leads:read',
      'users:write',
      'admin',
    ]);
    expect(offeredPresets(presets, ['admin']).map((preset) => preset.id)).toEqual([
      'read_only_analytics',
      'crm_sync',
      'full_admin',
    ]);
  });

  it('offers a viewer only reads, and no preset that writes or is admin', () => {
    const viewer = ['leads:read', 'campaigns:read', 'files:read'];
    expect(offeredScopes(catalogue, viewer).map((entry) => entry.scope)).toEqual(['leads:read']);
    expect(offeredPresets(presets, viewer)).toEqual([
      { id: 'read_only_analytics', description: 'Reporting', scopes: ['leads:read', 'campaigns:read'] },
    ]);
  });

  it('does not offer a wildcard preset to someone holding each action but not the wildcard', () => {
    const concrete = ['leads:read', 'leads:write', 'files:read', 'files:write', 'campaigns:read'];
    expect(offeredPresets(presets, concrete).map((preset) => preset.id)).toEqual(['read_only_analytics']);
  });
});

describe('rotation grace period', () => {
  it('accepts empty (0) and whole seconds up to 7 days', () => {
    expect(gracePeriodProblem('')).toBeUndefined();
    expect(gracePeriodProblem('0')).toBeUndefined();
    expect(gracePeriodProblem(' 3600 ')).toBeUndefined();
    expect(gracePeriodProblem(String(MAX_GRACE_PERIOD_SECONDS))).toBeUndefined();
  });

  it('refuses what the API refuses', () => {
    expect(gracePeriodProblem('-1')).toMatch(/whole number/);
    expect(gracePeriodProblem('1.5')).toMatch(/whole number/);
    expect(gracePeriodProblem(String(MAX_GRACE_PERIOD_SECONDS + 1))).toMatch(/7 days/);
  });
});

import { describe, expect, it } from '@jest/globals';
import { offeredScopeGroups, scopeGroupLabel } from './credential-model';

const GROUPS = {
  account_api: [
    'campaigns:read',
    'campaigns:write',
    'tokens:read',
    'tokens:write',
    'credentials:read',
    'credentials:write',
  ],
  data_api: ['leads:read', 'leads:write', 'files:read', 'files:write'],
  lead_receiver: ['receiver:post'],
};

describe('client credential scope groups offered', () => {
  it('offers an admin every group, in the catalogue order', () => {
    expect(offeredScopeGroups(GROUPS, ['admin']).map((group) => group.id)).toEqual([
      'account_api',
      'data_api',
      'lead_receiver',
    ]);
  });

  it('offers only the groups whose every scope is held', () => {
    const held = ['leads:*', 'files:read', 'files:write', 'receiver:post', 'campaigns:read'];
    expect(offeredScopeGroups(GROUPS, held)).toEqual([
      { id: 'data_api', scopes: GROUPS.data_api },
      { id: 'lead_receiver', scopes: ['receiver:post'] },
    ]);
  });

  it('names the groups for people and leaves an unknown one as it is', () => {
    expect(scopeGroupLabel('data_api')).toBe('Data API');
    expect(scopeGroupLabel('webhooks_api')).toBe('webhooks_api');
  });
});

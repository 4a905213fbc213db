import * as authCore from './index';

describe('@leadgate/auth-core', () => {
  it('exports the scope and token API from one place', () => {
    for (const name of [
      'SCOPE_CATALOGUE',
      'isKnownScope',
      'parseScopeList',
      'grants',
      'expandScopes',
      'isSubsetOf',
      'narrowScopes',
      'parseCampaignPermissions',
      'ACCOUNT_PRESETS',
      'scopesForGroups',
      'generateTokenString',
      'parseTokenString',
      'hashSecret',
      'secretMatches',
      'tokenIdFor',
      'clientIdFor',
      'parseClientId',
    ]) {
      expect(authCore).toHaveProperty(name);
    }
  });
});

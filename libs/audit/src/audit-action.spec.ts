import { auditActionOf } from './audit-action';

describe('auditActionOf', () => {
  it.each([
    ['POST', '/v1/admin/tokens', 'tokens.create', 'tokens', null],
    ['PATCH', '/v1/admin/tokens/:id', 'tokens.update', 'tokens', 'id'],
    ['POST', '/v1/admin/tokens/:id/rotate', 'tokens.rotate', 'tokens', 'id'],
    ['POST', '/v1/admin/tokens/:id/revoke', 'tokens.revoke', 'tokens', 'id'],
    ['POST', '/v1/admin/credentials/:id/disable', 'credentials.disable', 'credentials', 'id'],
    ['POST', '/v1/admin/campaigns', 'campaigns.create', 'campaigns', null],
    ['DELETE', '/v1/admin/campaigns/:id', 'campaigns.delete', 'campaigns', 'id'],
    ['POST', '/v1/admin/campaigns/:campaignId/tokens', 'tokens.create', 'tokens', null],
    ['POST', '/v1/admin/campaigns/:campaignId/filters', 'filters.create', 'filters', null],
    ['PATCH', '/v1/admin/campaigns/:campaignId/filters/:filterId', 'filters.update', 'filters', 'filterId'],
    ['POST', '/v1/admin/campaigns/:campaignId/selects/:key/options', 'options.create', 'options', null],
    ['DELETE', '/v1/admin/campaigns/:campaignId/selects/:key/options/:value', 'options.delete', 'options', 'value'],
    ['PUT', '/v1/admin/campaigns/:campaignId/receiver', 'receiver.update', 'receiver', 'campaignId'],
    ['POST', '/v1/admin/quarantine/:entryId/release', 'quarantine.release', 'quarantine', 'entryId'],
    ['DELETE', '/v1/admin/users/:id', 'users.delete', 'users', 'id'],
    ['PATCH', '/v1/admin/account', 'account.update', 'account', null],
  ])('%s %s is %s', (method, route, action, targetType, targetParam) => {
    expect(auditActionOf(method, route)).toEqual({ action, targetType, targetParam });
  });

  it('ignores reads and anything outside the admin API', () => {
    expect(auditActionOf('GET', '/v1/admin/tokens')).toBeNull();
    expect(auditActionOf('POST', '/v1/campaigns/:campaignId/leads')).toBeNull();
    expect(auditActionOf('POST', '/oauth/token')).toBeNull();
    expect(auditActionOf('POST', '/internal/accounts')).toBeNull();
  });
});

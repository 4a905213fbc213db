import { describe, expect, it } from '@jest/globals';
import { actionText, actorKindText, AUDIT_PAGE_SIZE, auditPagePath, targetText } from './audit-text';

describe('audit log text', () => {
  it('reads actions, actors and targets in words', () => {
    expect(actionText('quarantine.release')).toBe('quarantine: release');
    expect(actionText('campaign_tokens.create')).toBe('campaign tokens: create');
    expect(actionText('login')).toBe('login');
    expect(actorKindText('user')).toBe('Person');
    expect(actorKindText('robot')).toBe('robot');
    expect(targetText({ type: 'tokens', id: 'tok_1' })).toBe('tokens tok_1');
    expect(targetText({ type: 'sessions', id: null })).toBe('sessions');
  });

  it('asks for a page, and the next one with the cursor', () => {
    expect(auditPagePath(null)).toBe(`/v1/admin/audit?limit=${AUDIT_PAGE_SIZE}`);
    expect(auditPagePath('a+b')).toBe(`/v1/admin/audit?limit=${AUDIT_PAGE_SIZE}&cursor=a%2Bb`);
  });
});

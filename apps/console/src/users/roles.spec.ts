import { describe, expect, it } from '@jest/globals';
import { grantableRoles, mayManage, roleLabel } from './roles';

describe('roles a person may grant', () => {
  it('lets owners grant every role, and admins all but owner', () => {
    expect(grantableRoles('owner')).toEqual(['owner', 'admin', 'developer', 'viewer']);
    expect(grantableRoles('admin')).toEqual(['admin', 'developer', 'viewer']);
  });

  it('lets developers and viewers grant nothing', () => {
    expect(grantableRoles('developer')).toEqual([]);
    expect(grantableRoles('viewer')).toEqual([]);
    expect(grantableRoles(undefined)).toEqual([]);
  });

  it('leaves owners to owners', () => {
    expect(mayManage('owner', 'owner')).toBe(true);
    expect(mayManage('admin', 'owner')).toBe(false);
    expect(mayManage('admin', 'viewer')).toBe(true);
    expect(mayManage('developer', 'viewer')).toBe(false);
  });

  it('names roles in words', () => {
    expect(roleLabel('developer')).toBe('Developer');
    expect(roleLabel('robot')).toBe('robot');
  });
});

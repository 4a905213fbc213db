import { describe, expect, it } from '@jest/globals';
import { formatDay, formatMoment, permissionsLabel, statusLabel } from './token-format';

describe('token table wording', () => {
  it('shows a dash for no date and Never for a token never used', () => {
    expect(formatDay(null)).toBe('—');
    expect(formatMoment(null)).toBe('Never');
    expect(formatDay('2031-02-03T10:00:00Z')).toMatch(/2031/);
  });

  it('words statuses and permissions as the console shows them', () => {
    expect(statusLabel('revoked')).toBe('Revoked');
    expect(permissionsLabel(['read', 'write'])).toBe('Read, Write');
    expect(permissionsLabel(undefined)).toBe('—');
  });
});

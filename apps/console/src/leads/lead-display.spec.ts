import { describe, expect, it } from '@jest/globals';
import { EMPTY, fieldText, labelOf, timeText } from './lead-display';

describe('lead display', () => {
  it('writes field values as text', () => {
    expect(fieldText('Jane')).toBe('Jane');
    expect(fieldText(4)).toBe('4');
    expect(fieldText(true)).toBe('Yes');
    expect(fieldText(false)).toBe('No');
    expect(fieldText(null)).toBe(EMPTY);
    expect(fieldText(undefined)).toBe(EMPTY);
    expect(fieldText('')).toBe(EMPTY);
    expect(fieldText('<b>x</b>')).toBe('<b>x</b>');
  });

  it('shows an option by its label, or the raw value when the schema no longer has it', () => {
    const options = [{ value: 'OIL', label: 'Oil' }];
    const label = (value: string | undefined) =>
      labelOf(
        options,
        (option) => option.value,
        (option) => option.label,
        value,
      );
    expect(label('OIL')).toBe('Oil');
    expect(label('COAL')).toBe('COAL');
    expect(label(undefined)).toBe(EMPTY);
  });

  it('writes times in the locale, and keeps what is not a time', () => {
    expect(timeText('2025-05-01T10:00:00.000Z')).toBe(new Date('2025-05-01T10:00:00.000Z').toLocaleString());
    expect(timeText('soon')).toBe('soon');
    expect(timeText(null)).toBe(EMPTY);
  });
});

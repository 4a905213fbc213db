import { describe, expect, it } from '@jest/globals';
import { inputFromInstant, instantFromInput, isCalendarDate, isNumberText, textProblem } from './values';

describe('values', () => {
  it.each([
    ['2024-05-01T10:00', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01T10:00:59', '2024-05-01T10:00:59.000Z'],
    ['2024-05-01T10:00:59.5', '2024-05-01T10:00:59.500Z'],
    ['0099-01-01T00:00', '0099-01-01T00:00:00.000Z'],
    ['2024-02-30T10:00', null],
    ['2024-05-01T24:00', null],
    ['2024-05-01', null],
    ['2024-05-01T10:00Z', null],
  ])('reads the input %j as the instant %j (UTC)', (input, instant) => {
    expect(instantFromInput(input)).toBe(instant);
  });

  it('writes instants back as input text, in UTC', () => {
    expect(inputFromInstant('2024-05-01T10:00:00.000Z')).toBe('2024-05-01T10:00:00');
    expect(inputFromInstant('2024-05-01T12:00:00.250+02:00')).toBe('2024-05-01T10:00:00.250');
    expect(inputFromInstant('soon')).toBeNull();
  });

  it('knows calendar days and numbers', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-5-1')).toBe(false);
    expect(['1', '-2.5', '.5', '1e3', ' 7 '].every(isNumberText)).toBe(true);
    expect(['', '1,5', '0x10', 'NaN', '1e999'].some(isNumberText)).toBe(false);
  });

  it('refuses text a lead cannot hold', () => {
    expect(textProblem('ok')).toBeNull();
    expect(textProblem('a\u0000b')).toBe('holds a character a lead cannot store');
    expect(textProblem('\ud800')).toBe('holds a character a lead cannot store');
  });
});

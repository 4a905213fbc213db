import { fieldValueMessage, isCalendarDate } from './field-values';

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2023-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (day) => {
    expect(isCalendarDate(day)).toBe(true);
  });

  it.each(['2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '2024-1-1', '2024-01-01T00:00:00Z', '', 'x'])(
    'refuses %s',
    (day) => {
      expect(isCalendarDate(day)).toBe(false);
    },
  );
});

describe('fieldValueMessage', () => {
  it.each(['text', 'email', 'phone', 'url', 'textarea'] as const)('%s takes text only', (type) => {
    expect(fieldValueMessage(type, 'x')).toBeNull();
    expect(fieldValueMessage(type, 1)).toMatch(/text/);
    expect(fieldValueMessage(type, true)).toMatch(/text/);
  });

  it('number takes numbers only, not numeric text', () => {
    expect(fieldValueMessage('number', 1.5)).toBeNull();
    expect(fieldValueMessage('number', '1.5')).toMatch(/number/);
  });

  it('boolean takes booleans only', () => {
    expect(fieldValueMessage('boolean', false)).toBeNull();
    expect(fieldValueMessage('boolean', 'false')).toMatch(/true or false/);
  });

  it('date takes real calendar days only', () => {
    expect(fieldValueMessage('date', '2024-05-01')).toBeNull();
    expect(fieldValueMessage('date', '2024-02-30')).toMatch(/YYYY-MM-DD/);
    expect(fieldValueMessage('date', 20240501)).toMatch(/YYYY-MM-DD/);
  });
});

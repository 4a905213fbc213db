// The jest configs put every run in UTC (jest.shared.cjs), not only `npm test`: a test that formats
// or parses local dates must not pass on one machine and fail on another.
describe('the test clock', () => {
  it('runs in UTC however jest was started', () => {
    expect(process.env['TZ']).toBe('UTC');
    expect(new Date(Date.UTC(2026, 6, 1, 12)).getHours()).toBe(12);
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(0);
  });
});

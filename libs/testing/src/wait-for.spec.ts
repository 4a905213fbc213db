import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('keeps polling while the probe answers undefined or false, and returns the first other answer', async () => {
    const answers = [undefined, false, 0, 1];
    let calls = 0;
    await expect(waitFor('an answer', async () => answers[calls++], 1000, 1)).resolves.toBe(0);
    expect(calls).toBe(3);
  });

  it('polls on after a throwing probe and names the last error when time runs out', async () => {
    await expect(
      waitFor(
        'something that never comes',
        async () => {
          throw new Error('refused');
        },
        30,
        5,
      ),
    ).rejects.toThrow(/timed out after 30 ms waiting for something that never comes \(last error: refused\)/);
  });
});

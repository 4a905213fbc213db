import { sendChunks } from './send-chunks';

const record = (value: string | null) => ({ key: 'k', value });

describe('sendChunks', () => {
  it('keeps everything in one send while it fits', () => {
    expect(sendChunks([record('ab'), record('cd'), record(null)], 10)).toEqual([
      [record('ab'), record('cd'), record(null)],
    ]);
  });

  it('starts a new send when the next value would pass the limit, keeping order', () => {
    const records = ['aaaa', 'bbbb', 'cc', 'dddddd'].map(record);
    expect(sendChunks(records, 8)).toEqual([
      [records[0], records[1]],
      [records[2], records[3]],
    ]);
  });

  it('sends an oversized record on its own', () => {
    const records = ['a', 'x'.repeat(20), 'b'].map(record);
    expect(sendChunks(records, 8)).toEqual([[records[0]], [records[1]], [records[2]]]);
  });

  it('counts bytes, not characters', () => {
    const records = ['ææ', 'øø'].map(record);
    expect(sendChunks(records, 6)).toHaveLength(2);
  });

  it('answers no sends for no records', () => {
    expect(sendChunks([], 8)).toEqual([]);
  });
});

import { HandledOffsets } from './handled-offsets';

describe('HandledOffsets', () => {
  it('commits the offset after the last handled message of each partition', () => {
    const offsets = new HandledOffsets();
    offsets.handled('leads.events.v1', 0, '41');
    offsets.handled('leads.events.v1', 0, '42');
    offsets.handled('leads.events.v1', 3, '7');
    offsets.handled('platform.audit.v1', 0, '9');
    expect(offsets.take()).toEqual([
      { topic: 'leads.events.v1', partition: 0, offset: '43' },
      { topic: 'leads.events.v1', partition: 3, offset: '8' },
      { topic: 'platform.audit.v1', partition: 0, offset: '10' },
    ]);
    expect(offsets.take()).toEqual([]);
  });

  it('never moves a partition back', () => {
    const offsets = new HandledOffsets();
    offsets.handled('t', 0, '10');
    offsets.handled('t', 0, '9');
    expect(offsets.take()).toEqual([{ topic: 't', partition: 0, offset: '11' }]);
  });

  it('keeps offsets beyond 2^53 exact', () => {
    const offsets = new HandledOffsets();
    offsets.handled('t', 0, '9007199254740993');
    expect(offsets.take()).toEqual([{ topic: 't', partition: 0, offset: '9007199254740994' }]);
  });

  it('gives back what a failed commit held, unless the partition moved on meanwhile', () => {
    const offsets = new HandledOffsets();
    offsets.handled('t', 0, '5');
    offsets.handled('t', 1, '5');
    const failed = offsets.take();
    offsets.handled('t', 1, '8');
    offsets.restore(failed);
    expect(offsets.take()).toEqual([
      { topic: 't', partition: 1, offset: '9' },
      { topic: 't', partition: 0, offset: '6' },
    ]);
  });

  it('after a rebalance keeps only the partitions this member still owns', () => {
    const offsets = new HandledOffsets();
    offsets.handled('t', 0, '5');
    offsets.handled('t', 1, '5');
    offsets.handled('u', 0, '5');
    offsets.keepOnly({ t: [1] });
    expect(offsets.take()).toEqual([{ topic: 't', partition: 1, offset: '6' }]);
  });
});

import { MAX_REMOVALS_PER_DELETE, OutboxRemovals } from './outbox-removals';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('OutboxRemovals', () => {
  it('deletes what was published within the delay in one call, and forgets it only once deleted', async () => {
    const deletes: string[][] = [];
    const removals = new OutboxRemovals(async (ids) => void deletes.push(ids), jest.fn(), 5);
    removals.add(['ob_1']);
    removals.add(['ob_2', 'ob_3']);
    expect(removals.has('ob_2')).toBe(true);
    await settle();
    expect(deletes).toEqual([['ob_1', 'ob_2', 'ob_3']]);
    expect(removals.has('ob_2')).toBe(false);
  });

  it('keeps entries whose delete failed, reports it and deletes them on the next try', async () => {
    const onError = jest.fn();
    let failures = 1;
    const deleted: string[] = [];
    const removals = new OutboxRemovals(
      async (ids) => {
        if (failures-- > 0) throw new Error('database away');
        deleted.push(...ids);
      },
      onError,
      60_000,
    );
    removals.add(['ob_1']);
    await removals.flush();
    expect(onError).toHaveBeenCalledWith(expect.any(Error), 1);
    expect(removals.has('ob_1')).toBe(true);
    await removals.flush();
    expect(deleted).toEqual(['ob_1']);
    expect(removals.has('ob_1')).toBe(false);
  });

  it('bounds one delete, and a flush at shutdown deletes without waiting for the timer', async () => {
    const deletes: number[] = [];
    const removals = new OutboxRemovals(async (ids) => void deletes.push(ids.length), jest.fn(), 60_000);
    removals.add(Array.from({ length: MAX_REMOVALS_PER_DELETE + 1 }, (_, index) => `ob_${index}`));
    await removals.flush();
    await removals.flush();
    expect(deletes).toEqual([MAX_REMOVALS_PER_DELETE, 1]);
  });
});

import { NewLead } from './lead.schema';
import { ListPositions } from './list-positions';
import { ListSequencesRepository } from './list-sequences.repository';

/** A counter per campaign, as the repository keeps it, with every claim recorded. */
function sequences() {
  const numbered = new Map<string, number>();
  const claims: [string, number][] = [];
  const repository = {
    claim: async (campaignId: string, count: number) => {
      claims.push([campaignId, count]);
      const first = numbered.get(campaignId) ?? 0;
      numbered.set(campaignId, first + count);
      return first;
    },
  } as unknown as ListSequencesRepository;
  return { repository, claims };
}

const lead = (campaignId: string, id: string) => ({ _id: id, campaign_id: campaignId }) as NewLead;

describe('ListPositions', () => {
  afterEach(() => jest.useRealTimers());

  it('files each lead in its own campaign, in input order, one claim per campaign', async () => {
    const { repository, claims } = sequences();
    const placed = await new ListPositions(repository).place([lead('a', '1'), lead('b', '2'), lead('a', '3')]);
    expect(placed.map((one) => [one._id, one.list_bucket])).toEqual([
      ['1', 'a#0'],
      ['2', 'b#0'],
      ['3', 'a#0'],
    ]);
    expect(claims.map(([campaignId]) => campaignId)).toEqual(['a', 'b']);
  });

  it('serves the next creates from the positions it kept, and claims again once they are used up or old', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-27T12:00:00Z') });
    const { repository, claims } = sequences();
    const positions = new ListPositions(repository);
    await positions.place([lead('a', '1')]);
    for (let index = 0; index < 16; index++) await positions.place([lead('a', `k${index}`)]);
    expect(claims).toHaveLength(1); // 1 needed + 16 kept
    await positions.place([lead('a', 'next')]);
    expect(claims).toHaveLength(2);
    jest.setSystemTime(Date.parse('2026-11-27T12:00:01.001Z'));
    await positions.place([lead('a', 'later')]);
    expect(claims).toHaveLength(3);
  });

  it('moves to the next bucket every 128 positions', async () => {
    const { repository } = sequences();
    const placed = await new ListPositions(repository).place(
      Array.from({ length: 300 }, (_, index) => lead('a', `${index}`)),
    );
    expect(placed[127]?.list_bucket).toBe('a#0');
    expect(placed[128]?.list_bucket).toBe('a#1');
    expect(placed[299]?.list_bucket).toBe('a#2');
  });
});

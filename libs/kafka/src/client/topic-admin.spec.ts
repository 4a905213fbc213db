import { TOPIC_SPECS, TOPICS } from '@leadgate/contracts';
import { topicConfigEntries } from './topic-admin';

const specOf = (name: string) => TOPIC_SPECS.find((spec) => spec.name === name)!;

describe('topicConfigEntries', () => {
  it('compacts state topics', () => {
    expect(topicConfigEntries(specOf(TOPICS.identityTokens))).toEqual([
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'min.compaction.lag.ms', value: '60000' },
    ]);
  });

  it('gives the shared rate counts their short retention at creation, with segments a tenth as long', () => {
    expect(topicConfigEntries(specOf(TOPICS.gatewayRateUsage))).toEqual([
      { name: 'retention.ms', value: '600000' },
      { name: 'segment.ms', value: '60000' },
    ]);
  });

  it("leaves other topics to the broker's defaults", () => {
    expect(topicConfigEntries(specOf(TOPICS.leadEvents))).toEqual([]);
  });
});

import { testRunStartedAt } from './stale-test-databases';
import { uniqueRunId } from './test-env';

describe('testRunStartedAt', () => {
  it('reads the start time back from a run id, with or without a suffix', () => {
    const before = Date.now();
    const runId = uniqueRunId();
    for (const name of [runId, `${runId}_leads`]) {
      const startedAt = testRunStartedAt(name);
      expect(startedAt).toBeGreaterThanOrEqual(before);
      expect(startedAt).toBeLessThanOrEqual(Date.now());
    }
  });

  it('knows no other database', () => {
    for (const name of ['leadgate_leads', 'bench_mwz8gsvo_leads', 'admin', 'tests', 'tmwz29jok_leads']) {
      expect(testRunStartedAt(name)).toBeNull();
    }
  });
});

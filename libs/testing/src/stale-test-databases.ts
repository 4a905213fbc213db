import { MongoClient } from 'mongodb';

/** A test run's databases are named `<uniqueRunId()>...`: `t`, Date.now() in base 36, 6 hex digits. */
const TEST_DATABASE = /^t([0-9a-z]{8})[0-9a-f]{6}(?:_|$)/;

/** When the test run that made `database` started, or null for a database no test run made. */
export function testRunStartedAt(database: string): number | null {
  const match = TEST_DATABASE.exec(database);
  return match ? parseInt(match[1], 36) : null;
}

/**
 * Drops the databases of test runs that started more than `olderThanMs` ago. Nothing else drops them
 * (a failed run leaves its data for a look), and on FerretDB every database left behind makes
 * `listDatabases` slower for everyone. Runs younger than that, perhaps still going, are left alone.
 */
export async function dropStaleTestDatabases(url: string, olderThanMs: number, now = Date.now()): Promise<number> {
  const client = await MongoClient.connect(url, { serverSelectionTimeoutMS: 10_000 });
  try {
    const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
    const stale = databases
      .map(({ name }) => name)
      .filter((name) => {
        const startedAt = testRunStartedAt(name);
        return startedAt !== null && now - startedAt > olderThanMs;
      });
    for (const name of stale) await client.db(name).dropDatabase();
    return stale.length;
  } finally {
    await client.close();
  }
}

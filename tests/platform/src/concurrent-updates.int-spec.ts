import { MONGO_URL, uniqueRunId } from '@leadgate/testing';
import { MongoClient } from 'mongodb';

const CONCURRENT_UPDATES = 120;

/**
 * FerretDB v1 holds one PostgreSQL connection for an update's query while it waits for a second
 * for the transaction: with more concurrent updates than half its pool, all of them wait forever.
 * tools/infra sizes the pool for this; with FerretDB's default of 50 this test hangs and fails.
 */
describe('many concurrent updates on the embedded database', () => {
  let client: MongoClient;
  const database = `${uniqueRunId()}_updates`;

  beforeAll(async () => {
    client = await MongoClient.connect(MONGO_URL, { maxPoolSize: CONCURRENT_UPDATES + 10 });
  });

  afterAll(async () => {
    await client.db(database).dropDatabase();
    await client.close();
  });

  it(`finishes ${CONCURRENT_UPDATES} updates started at once`, async () => {
    const collection = client.db(database).collection<{ _id: string; n: number }>('counters');
    const ids = Array.from({ length: CONCURRENT_UPDATES }, (_, index) => `c${index}`);
    await collection.insertMany(ids.map((_id) => ({ _id, n: 0 })));
    const all = Promise.all(ids.map((_id) => collection.updateOne({ _id: { $eq: _id } }, { $inc: { n: 1 } })));
    const deadline = new Promise((_, reject) =>
      setTimeout(() => reject(new Error('updates did not finish: pool deadlock')), 30000).unref(),
    );
    await Promise.race([all, deadline]);
    expect(await collection.countDocuments({ n: { $eq: 1 } })).toBe(CONCURRENT_UPDATES);
  }, 60000);
});

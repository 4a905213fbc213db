import { MONGO_URL, uniqueRunId } from '@leadgate/testing';
import mongoose, { Connection, Schema } from 'mongoose';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';

interface Widget {
  _id: string;
  account_id: string;
  slug: string;
  tags: string[];
  version: number;
}

/** mongoose create / read / update / unique index on the embedded database (FerretDB). */
describe('mongoose on the embedded database', () => {
  let connection: Connection;
  const widgetSchema = new Schema<Widget>(
    {
      _id: { type: String, required: true },
      account_id: { type: String, required: true },
      slug: { type: String, required: true },
      tags: { type: [String], default: [] },
      version: { type: Number, required: true },
    },
    { ...SHARED_SCHEMA_OPTIONS, collection: 'widgets' },
  );
  // Serves lookups by slug within an account; also what makes a slug unique per account.
  widgetSchema.index({ account_id: 1, slug: 1 }, { unique: true });

  beforeAll(async () => {
    connection = await mongoose.createConnection(MONGO_URL, { dbName: `${uniqueRunId()}_mongo` }).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('creates, reads, updates with a version guard, and enforces a unique index', async () => {
    const Widgets = connection.model<Widget>('Widget', widgetSchema);
    await Widgets.init(); // builds the indexes declared above

    await Widgets.create({ _id: 'w1', account_id: 'a1', slug: 'blue', tags: ['x'], version: 1 });
    const read = await Widgets.findOne({ _id: { $eq: 'w1' } }).lean<Widget>();
    expect(read).toEqual({ _id: 'w1', account_id: 'a1', slug: 'blue', tags: ['x'], version: 1 });

    const updated = await Widgets.findOneAndUpdate(
      { _id: { $eq: 'w1' }, version: { $eq: 1 } },
      { $set: { slug: 'navy' }, $inc: { version: 1 } },
      { returnDocument: 'after' },
    ).lean<Widget>();
    expect(updated).toMatchObject({ slug: 'navy', version: 2 });

    // A writer still holding version 1 changes nothing: the optimistic guard is in the filter.
    const stale = await Widgets.updateOne({ _id: { $eq: 'w1' }, version: { $eq: 1 } }, { $set: { slug: 'red' } });
    expect(stale.modifiedCount).toBe(0);
    expect((await Widgets.findById('w1').lean<Widget>())?.slug).toBe('navy');

    await Widgets.create({ _id: 'w2', account_id: 'a1', slug: 'green', version: 1 });
    await expect(Widgets.create({ _id: 'w3', account_id: 'a1', slug: 'green', version: 1 })).rejects.toMatchObject({
      code: 11000,
    });
    // Same slug in another account is fine: the index is per account.
    await Widgets.create({ _id: 'w4', account_id: 'a2', slug: 'green', version: 1 });
    expect(await Widgets.countDocuments({ slug: { $eq: 'green' } })).toBe(2);
  });

  it('refuses a strict-schema write with an unknown key instead of storing it', async () => {
    const Widgets = connection.model<Widget>('Widget');
    await expect(
      Widgets.create({
        _id: 'w9',
        account_id: 'a1',
        slug: 'odd',
        version: 1,
        $where: 'sleep(1000)',
      } as unknown as Widget),
    ).rejects.toThrow();
    expect(await Widgets.exists({ _id: { $eq: 'w9' } })).toBeNull();
  });
});

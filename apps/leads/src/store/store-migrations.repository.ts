import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { STORE_MIGRATION_MODEL, StoreMigrationDocument } from './store-migration.schema';

/** The only place that touches the record of one-off data migrations. */
@Injectable()
export class StoreMigrationsRepository {
  constructor(@InjectModel(STORE_MIGRATION_MODEL) private readonly migrations: Model<StoreMigrationDocument>) {}

  async isDone(name: string): Promise<boolean> {
    return (await this.migrations.exists({ _id: { $eq: name } })) !== null;
  }

  async markDone(name: string): Promise<void> {
    await this.migrations.updateOne(
      { _id: { $eq: name } },
      { $set: { done_at: new Date().toISOString() } },
      { upsert: true },
    );
  }
}

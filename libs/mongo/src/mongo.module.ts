import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import { ReadinessRegistry } from '@leadgate/observability';
import { BaseConfig, SERVICE_CONFIG } from '@leadgate/service-kit';
import { Connection } from 'mongoose';

export interface MongoModuleOptions {
  /** Each service owns its own database; no service reads another's. */
  database: string;
}

@Injectable()
class MongoReadiness implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register({
      name: 'database',
      check: async () => {
        const db = this.connection.db;
        if (!db) return { ready: false, detail: { state: this.connection.readyState } };
        await db.command({ ping: 1 });
        return { ready: true, detail: { database: db.databaseName } };
      },
    });
  }
}

/** The service's MongoDB connection (FerretDB in the embedded default) plus its readiness check. */
@Module({})
export class MongoModule {
  static forRoot(options: MongoModuleOptions): DynamicModule {
    return {
      module: MongoModule,
      imports: [
        MongooseModule.forRootAsync({
          inject: [SERVICE_CONFIG],
          useFactory: (config: BaseConfig) => ({
            uri: config.MONGO_URL,
            dbName: options.database,
            serverSelectionTimeoutMS: 5000,
            // Bounds what one replica can have in flight at the database (FerretDB's pool is sized above the sum).
            maxPoolSize: config.MONGO_MAX_POOL_SIZE,
            // Indexes are declared beside their schemas and created at boot on both FerretDB and MongoDB.
            autoIndex: true,
          }),
        }),
      ],
      providers: [MongoReadiness],
    };
  }
}

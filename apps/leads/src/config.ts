import { baseConfigSchema } from '@leadgate/service-kit';
import { z } from 'zod';

export const leadsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8083),
  MONGO_DATABASE: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,40}$/)
    .default('leadgate_leads'),
  /** How often the outbox relay looks for lead events a crash or an outage left unpublished. */
  EVENT_RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(500),
  /** The sweep leaves younger changes to the writer that is still committing them (it flushes them itself). */
  EVENT_RELAY_GRACE_MS: z.coerce.number().int().nonnegative().default(3000),
  /** An idempotent create that is still running after this long is taken over by a retry. */
  IDEMPOTENCY_LEASE_MS: z.coerce.number().int().positive().default(10000),
  /** How long an Idempotency-Key is remembered (API: at least 24 h). */
  IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().min(24).default(48),
  /**
   * Refused receiver posts an account's quarantine holds at most; over it new ones are answered 429
   * (nothing held is dropped). Approximate by a few when replicas take posts at the same moment.
   */
  QUARANTINE_MAX_PER_ACCOUNT: z.coerce.number().int().positive().default(10000),
  /**
   * Bulkheads (API.md §9): requests of each kind served at once by this replica. Reads, single
   * writes (creates, updates, receiver posts, files) and batches have separate pools, so a backlog
   * of batches cannot starve reads. A request that would wait longer than BULKHEAD_MAX_WAIT_MS for
   * a place is answered 503 with Retry-After at once.
   */
  READ_CONCURRENCY: z.coerce.number().int().positive().default(32),
  WRITE_CONCURRENCY: z.coerce.number().int().positive().default(64),
  BATCH_CONCURRENCY: z.coerce.number().int().positive().default(2),
  BULKHEAD_MAX_WAIT_MS: z.coerce.number().int().positive().default(2000),
  /**
   * Leads of a batch committed per bulk write. A batch checks its deadline before each chunk, so a
   * batch whose time runs out stops within one chunk's commit and says which items it did not start
   * (API.md §9); a smaller chunk stops sooner but costs more database round trips per lead.
   */
  BATCH_COMMIT_CHUNK_SIZE: z.coerce.number().int().min(1).max(1000).default(250),
  /** Largest attachment a partner may upload to a lead. */
  FILE_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
});

export type LeadsConfig = z.infer<typeof leadsConfigSchema>;

import { z } from 'zod';

/** The delivery knobs; `config.ts` extends its schema with them. */
export const deliveryConfigShape = {
  /** How often the worker looks for due deliveries (new events also wake it at once). */
  WEBHOOK_DELIVERY_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** At most this many deliveries in flight to one endpoint (subscription URL) from one replica. */
  WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT: z.coerce.number().int().min(1).max(100).default(4),
  /**
   * How long a worker holds a job it is sending; a worker that dies holding one (a crash mid-delivery)
   * leaves it to be sent again once this has passed. Keep it well above the 10 s answer timeout, or
   * a slow endpoint gets a second copy from another replica; only tests go lower (a crash drill).
   */
  WEBHOOK_DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  /** Finished deliveries (delivered, failed, cancelled) stay in the delivery log this long. */
  WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * TEST ONLY: multiplies every retry delay and the 24 h give-up window, so an integration test can
   * watch a day of retries and the auto-disable in seconds. Production leaves it at 1; the schedule's
   * exact shape is held by the unit tests of retry-schedule.ts.
   */
  WEBHOOK_RETRY_TIME_SCALE: z.coerce.number().min(0.000001).max(1).default(1),
};

export type DeliveryConfig = { [K in keyof typeof deliveryConfigShape]: z.infer<(typeof deliveryConfigShape)[K]> };

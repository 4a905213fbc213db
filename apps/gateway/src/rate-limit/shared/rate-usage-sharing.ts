import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { RateUsageV1, TOPICS } from '@leadgate/contracts';
import { KAFKA_CLIENT, KafkaClient, KafkaPublisher, RecentEventsReader } from '@leadgate/kafka';
import { ReadinessRegistry, ROOT_LOGGER, ServiceInfo } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { randomBytes } from 'node:crypto';
import { Logger } from 'pino';
import { GatewayConfig } from '@gateway/config';
import { SharedWindowCounts, WINDOW_MS, WindowCount } from './shared-window-counts';

/** Counts per record: a record stays far below the broker's 1 MiB message limit (~80 bytes a count). */
const COUNTS_PER_RECORD = 2000;
/** How much earlier than the oldest possible window start a joining replica starts reading. */
const JOIN_MARGIN_MS = 5000;

/**
 * Shares this gateway process's per-token request counts with every other replica over
 * `gateway.rate-usage.v1` (ADR 027): one batch every RATE_LIMIT_SHARE_MS, never a send per request,
 * and reads theirs into the same counts. A replica that joins reads the last minute from the topic
 * by timestamp and is ready only once it has, so it never admits a fresh budget.
 */
@Injectable()
export class RateUsageSharing implements OnApplicationBootstrap, OnModuleDestroy {
  /** This process, not just the instance id: a restarted replica's earlier counts are someone else's. */
  readonly replica: string;
  readonly counts: SharedWindowCounts;
  private readonly reader: RecentEventsReader<typeof TOPICS.gatewayRateUsage>;
  private timer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | null = null;
  /** Counts whose send failed; sent again with the next batch (a larger count of the same window wins). */
  private unsent: WindowCount[] = [];

  constructor(
    @Inject(KAFKA_CLIENT) kafka: KafkaClient,
    private readonly publisher: KafkaPublisher,
    info: ServiceInfo,
    private readonly readiness: ReadinessRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.replica = `${info.instanceId}.${randomBytes(4).toString('hex')}`;
    this.counts = new SharedWindowCounts(this.replica);
    this.reader = new RecentEventsReader({
      kafka,
      topic: TOPICS.gatewayRateUsage,
      service: info.name,
      instanceId: info.instanceId,
      logger,
      since: () => Date.now() - WINDOW_MS - JOIN_MARGIN_MS,
      onEvent: (usage) => this.hear(usage),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.register({
      name: 'shared_rate_limits',
      check: async () => ({
        ready: this.reader.caughtUp,
        detail: { caught_up: this.reader.caughtUp, lag: this.reader.lag, tokens: this.counts.size },
      }),
    });
    await this.reader.start();
    this.timer = setInterval(() => void this.share(), this.config.RATE_LIMIT_SHARE_MS);
    this.timer.unref();
    this.sweepTimer = setInterval(() => this.counts.forgetEnded(), WINDOW_MS / 2);
    this.sweepTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.sweepTimer);
    // The last counts go out before the producer stops (KafkaLifecycle stops it at shutdown), so
    // the others keep counting what this replica admitted.
    await this.share();
    await this.share(); // when a batch was on its way, this one carries what came after it
    await this.reader.stop();
  }

  /** Publishes what changed since the last batch; one batch at a time. */
  share(): Promise<void> {
    if (this.sending) return this.sending;
    // Through a long Kafka outage, keep only counts of windows that can still matter.
    const oldest = Date.now() - 2 * WINDOW_MS;
    const counts = [...this.unsent.filter((count) => count.window_start > oldest), ...this.counts.changed()];
    this.unsent = [];
    if (counts.length === 0) return Promise.resolve();
    this.sending = this.send(counts).finally(() => (this.sending = null));
    return this.sending;
  }

  private async send(counts: WindowCount[]): Promise<void> {
    const records: { key: string; value: RateUsageV1 }[] = [];
    for (let index = 0; index < counts.length; index += COUNTS_PER_RECORD) {
      records.push({
        key: this.replica,
        value: { replica: this.replica, counts: counts.slice(index, index + COUNTS_PER_RECORD) },
      });
    }
    try {
      await this.publisher.publishMany(TOPICS.gatewayRateUsage, records);
    } catch (error) {
      this.unsent = counts.concat(this.unsent);
      this.logger.warn({ err: error, counts: counts.length }, 'rate usage report failed; will retry');
    }
  }

  private hear(usage: RateUsageV1): void {
    const now = Date.now();
    for (const count of usage.counts) this.counts.heard(usage.replica, count, now);
  }
}

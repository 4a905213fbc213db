import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaPublisher } from '@leadgate/kafka';
import { ROOT_LOGGER, ServiceInfo } from '@leadgate/observability';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Logger } from 'pino';
import { GatewayConfig } from '@gateway/config';

/**
 * Remembers when each token was last used and reports it to identity every few seconds in one
 * message, so `last_used_at` is kept without a database write per request.
 */
@Injectable()
export class TokenUsageRecorder implements OnApplicationBootstrap, OnModuleDestroy {
  /** Token id to its last use, in epoch ms: a number per call, the ISO text only once per flush. */
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly info: ServiceInfo,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  record(tokenId: string): void {
    this.pending.set(tokenId, Date.now());
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.config.TOKEN_USAGE_FLUSH_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const usage = [...batch].map(([token_id, usedAt]) => ({ token_id, last_used_at: new Date(usedAt).toISOString() }));
    try {
      await this.publisher.publish(TOPICS.tokenUsage, this.info.instanceId, { gateway: this.info.instanceId, usage });
    } catch (error) {
      // Put the times back (newer ones recorded meanwhile win) and try again at the next flush.
      for (const [tokenId, usedAt] of batch) if (!this.pending.has(tokenId)) this.pending.set(tokenId, usedAt);
      this.logger.warn({ err: error, tokens: usage.length }, 'token usage report failed; will retry');
    }
  }
}

import { Controller } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { OnTopicEvent, TopicEvents, TopicMessage, TopicMessageContext } from '@leadgate/kafka';
import { TokenUsageRepository } from './token-usage.repository';

/** identity's consumer group on the token-usage topic (one replica handles each report). */
export const TOKEN_USAGE_GROUP = 'identity.token-usage';

/**
 * Keeps `last_used_at` from the gateways' usage reports: one write per token per report, instead
 * of a database write per request. Reports may repeat or arrive out of order; the repository only
 * moves the time forward, so handling a report twice changes nothing.
 */
@Controller()
export class TokenUsageConsumer {
  constructor(
    private readonly events: TopicEvents,
    private readonly usage: TokenUsageRepository,
  ) {}

  @OnTopicEvent(TOPICS.tokenUsage)
  async onUsageReport(@TopicMessage() message: TopicMessageContext): Promise<void> {
    await this.events.handle(TOPICS.tokenUsage, message, async (report) => {
      for (const { token_id, last_used_at } of report.usage) await this.usage.record(token_id, last_used_at);
    });
  }
}

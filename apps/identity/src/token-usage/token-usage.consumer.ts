import { Controller } from '@nestjs/common';
import { TOKEN_ID_PREFIXES } from '@leadgate/auth-core';
import { TOPICS } from '@leadgate/contracts';
import { OnTopicEvent, TopicEvents, TopicMessage, TopicMessageContext } from '@leadgate/kafka';
import { SessionsService } from '@identity/sessions/sessions.service';
import { TokenUsageRepository } from './token-usage.repository';

/** identity's consumer group on the token-usage topic (one replica handles each report). */
export const TOKEN_USAGE_GROUP = 'identity.token-usage';

const SESSION_ID_PREFIX = TOKEN_ID_PREFIXES.session;

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
    private readonly sessions: SessionsService,
  ) {}

  @OnTopicEvent(TOPICS.tokenUsage)
  async onUsageReport(@TopicMessage() message: TopicMessageContext): Promise<void> {
    await this.events.handle(TOPICS.tokenUsage, message, async (report) => {
      for (const { token_id, last_used_at } of report.usage) {
        // Console sessions are reported beside tokens: their use moves the idle deadline on.
        if (token_id.startsWith(SESSION_ID_PREFIX)) await this.sessions.touch(token_id, last_used_at);
        else await this.usage.record(token_id, last_used_at);
      }
    });
  }
}

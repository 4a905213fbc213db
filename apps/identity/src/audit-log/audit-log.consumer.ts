import { Controller } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { OnTopicEvent, TopicEvents, TopicMessage, TopicMessageContext } from '@leadgate/kafka';
import { AuditLogRepository } from './audit-log.repository';

/**
 * Keeps the accounts' audit logs from `platform.audit.v1`, which every service that changes account
 * state writes to (libs/audit). One replica of identity handles each entry; a repeat is kept once.
 */
@Controller()
export class AuditLogConsumer {
  constructor(
    private readonly events: TopicEvents,
    private readonly log: AuditLogRepository,
  ) {}

  @OnTopicEvent(TOPICS.audit)
  async onEntry(@TopicMessage() message: TopicMessageContext): Promise<void> {
    await this.events.handle(TOPICS.audit, message, async ({ id, ...entry }) => {
      await this.log.append({ _id: id, ...entry });
    });
  }
}

import { Controller } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { OnTopicEvent, TopicEvents, TopicMessage, TopicMessageContext } from '@leadgate/kafka';
import { LeadEventDispatcher } from './lead-event-dispatcher';

/** The webhooks service's consumer group on leads.events.v1 (one replica handles each event). */
export const DISPATCH_GROUP = 'webhooks.dispatch';

/**
 * Lead events in, delivery jobs out. The transport commits the offset only after the handler
 * returned, i.e. after the jobs are stored; an error (database down, read models behind) makes it
 * deliver the message again.
 */
@Controller()
export class LeadEventConsumer {
  constructor(
    private readonly events: TopicEvents,
    private readonly dispatcher: LeadEventDispatcher,
  ) {}

  @OnTopicEvent(TOPICS.leadEvents)
  async onLeadEvent(@TopicMessage() message: TopicMessageContext): Promise<void> {
    await this.events.handle(TOPICS.leadEvents, message, (event) => this.dispatcher.dispatch(event));
  }
}

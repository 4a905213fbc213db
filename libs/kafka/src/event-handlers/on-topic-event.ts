import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TopicName } from '@leadgate/contracts';

/**
 * Marks a controller method as the handler of every event on `topic`, called by Nest's Kafka
 * transport (started by startEventConsumers). Pass the message on to TopicEvents.handle.
 */
export const OnTopicEvent = (topic: TopicName): MethodDecorator => EventPattern(topic);

/** The Kafka message an `@OnTopicEvent` handler was called with (partition, offset, headers, bytes). */
export const TopicMessage = (): ParameterDecorator => Ctx();

export type TopicMessageContext = KafkaContext;

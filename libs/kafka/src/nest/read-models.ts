import { TopicName } from '@leadgate/contracts';
import { ReadModelReader } from '@leadgate/kafka/read-model/read-model-reader';

/** The read models this service keeps, by topic. Inject it and ask `of(TOPICS.x)`. */
export class ReadModels {
  private readonly readers = new Map<TopicName, ReadModelReader<TopicName>>();

  add(reader: ReadModelReader<TopicName>): void {
    this.readers.set(reader.topic, reader);
  }

  of<T extends TopicName>(topic: T): ReadModelReader<T> {
    const reader = this.readers.get(topic);
    if (!reader) throw new Error(`this service keeps no read model of ${topic}`);
    return reader as unknown as ReadModelReader<T>;
  }

  has(topic: TopicName): boolean {
    return this.readers.has(topic);
  }

  all(): ReadModelReader<TopicName>[] {
    return [...this.readers.values()];
  }
}

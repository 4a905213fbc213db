import { KafkaJSError } from 'kafkajs';

/**
 * Retries broker calls that fail with a retriable error (a leader not elected yet on a topic made a
 * moment ago, a coordinator still loading) — normal on a fresh or restarting broker.
 */
export async function withKafkaRetries<T>(work: () => Promise<T>, attempts = 30, delayMs = 250): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retriable = error instanceof KafkaJSError && error.retriable;
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

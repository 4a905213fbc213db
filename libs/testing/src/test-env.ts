import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

/** The signing key the test processes share with the test itself; never used outside tests. */
export const TEST_SIGNING_KEY = 'integration-tests-only-signing-key-000000';

export const KAFKA_BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092';
export const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27027/';

/** A prefix unique to this test file's run, for databases and ids, so runs never see each other's data. */
export function uniqueRunId(): string {
  return `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

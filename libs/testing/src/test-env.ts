import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

/**
 * Ed25519 key pairs for tests only (base64 DER: PKCS8 private, SPKI public), never used outside them:
 * the tests sign as the gateway and as the operator; test services get the public halves.
 */
export const TEST_GATEWAY_KEYS = {
  private: 'MC4CAQAwBQYDK2VwBCIEIJUfy0M/7mpsVSggGOFDnD+AvwNhPIxkABV0iEa59E85',
  public: 'MCowBQYDK2VwAyEAqdLtwZ1sqQJWMk6G5uPLFc57zPYyeplFO7Yzo6B/YRY=',
};
export const TEST_OPERATOR_KEYS = {
  private: 'MC4CAQAwBQYDK2VwBCIEICnPDwZrQtIhAaSWlNFOhudPbQYYM9pA5/LdQLH2zbog',
  public: 'MCowBQYDK2VwAyEAubnTzrGzaR4spy73jZpnxka342tEZNhht5QT4DMPghI=',
};

/** The webhooks service's sealing key for tests only (ADR 020): `<key id>:<base64 of 32 bytes>`. */
export const TEST_WEBHOOK_SECRET_KEYS = 'test1:dGVzdC1vbmx5LXdlYmhvb2stc2VhbGluZy1rZXktMzI=';

/**
 * The key environment of a test service: verify keys everywhere, the signing key in the gateway
 * only, the webhook sealing key in the webhooks service only.
 */
export function testKeyEnv(app: string): Record<string, string> {
  return {
    PRINCIPAL_VERIFY_KEY: TEST_GATEWAY_KEYS.public,
    ...(app === 'identity' ? { OPERATOR_VERIFY_KEY: TEST_OPERATOR_KEYS.public } : {}),
    ...(app === 'gateway' ? { PRINCIPAL_SIGNING_KEY: TEST_GATEWAY_KEYS.private } : {}),
    ...(app === 'webhooks' ? { WEBHOOK_SECRET_KEYS: TEST_WEBHOOK_SECRET_KEYS } : {}),
  };
}

export const KAFKA_BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092';
export const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27027/';

/** A prefix unique to this test file's run, for databases and ids, so runs never see each other's data. */
export function uniqueRunId(): string {
  return `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/**
 * Hands out ports from `source`, never the same one twice. A port is only reserved once its service
 * binds it, and a platform hands out several (public and management ports) before any service has
 * started: without this, the kernel may offer a just-released port again and two services collide
 * (EADDRINUSE).
 */
export function portAllocator(source: () => Promise<number>): () => Promise<number> {
  const handedOut = new Set<number>();
  return async () => {
    for (;;) {
      const port = await source();
      if (handedOut.has(port)) continue;
      handedOut.add(port);
      return port;
    }
  };
}

/** A loopback port that was free a moment ago and that this process has not handed out before. */
export const freePort = portAllocator(unusedPort);

function unusedPort(): Promise<number> {
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

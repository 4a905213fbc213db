import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

/**
 * Asks one replica's GET /health/ready. True only for a 200 within the timeout; any other status
 * (503 while starting or draining), a refused connection or silence count as not ready.
 */
export function probeReadiness(base: URL, timeoutMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const send = base.protocol === 'https:' ? httpsGet : httpGet;
    // A fresh connection per probe (no agent): a replica that stopped accepting connections shows at once.
    const probe = send(new URL('/health/ready', base), { agent: false, timeout: timeoutMs }, (answer) => {
      answer.resume();
      resolve(answer.statusCode === 200);
    });
    probe.on('timeout', () => probe.destroy());
    probe.on('error', () => resolve(false));
  });
}

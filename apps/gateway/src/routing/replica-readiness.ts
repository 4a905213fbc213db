import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

/** What one replica's readiness said: in rotation, in rotation but out of spare places, or out. */
export type ReplicaReadiness = 'ready' | 'saturated' | 'unready';

/** A readiness answer is a small status object; anything longer is not one. */
const MAX_ANSWER_BYTES = 4096;

/**
 * Asks one replica's GET /health/ready. A 200 within the timeout is ready, or saturated when its
 * body says `"status":"saturated"` (services stay ready while their bulkheads are full, so that
 * Kubernetes keeps them as endpoints, and say so for the gateway's balancing). Any other status
 * (503 while starting or draining), a refused connection or silence count as not ready.
 */
export function probeReadiness(base: URL, timeoutMs: number): Promise<ReplicaReadiness> {
  return new Promise<ReplicaReadiness>((resolve) => {
    const send = base.protocol === 'https:' ? httpsGet : httpGet;
    // A fresh connection per probe (no agent): a replica that stopped accepting connections shows at once.
    const probe = send(new URL('/health/ready', base), { agent: false, timeout: timeoutMs }, (answer) => {
      if (answer.statusCode !== 200) {
        answer.resume();
        return resolve('unready');
      }
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        text += chunk;
        if (text.length > MAX_ANSWER_BYTES) probe.destroy();
      });
      answer.on('end', () => resolve(statusOf(text) === 'saturated' ? 'saturated' : 'ready'));
      answer.on('error', () => resolve('unready'));
    });
    probe.on('timeout', () => probe.destroy());
    probe.on('error', () => resolve('unready'));
  });
}

function statusOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { status?: unknown }).status;
  } catch {
    return undefined;
  }
}

import { isIP, LookupFunction } from 'node:net';
import http from 'node:http';
import https from 'node:https';
import { Answer } from './delivery-outcome';

export const ANSWER_TIMEOUT_MS = 10_000;

export interface TargetPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs?: number;
  /** Resolves the host at connect time; the address check uses it so the checked address is the one connected to. */
  lookup?: LookupFunction;
}

/**
 * One POST to a webhook endpoint. node:http never follows a redirect (a 3xx is an answer like any
 * other); the answer must come within the timeout; the receiver's body is read and dropped, never
 * kept (a receiver may echo what it got). Never throws: every way it ends is an Answer.
 */
export function postToTarget(post: TargetPost): Promise<Answer> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const url = new URL(post.url);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Answer>((resolve) => {
    let settled = false;
    const finish = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...post.headers, 'content-length': Buffer.byteLength(post.body) },
        agent: false,
        ...(post.lookup ? { lookup: post.lookup } : {}),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.on('error', () => undefined);
        response.resume();
        finish({ kind: 'answered', status, latencyMs: latency() });
      },
    );
    const timer = setTimeout(() => {
      finish({ kind: 'timeout', latencyMs: latency() });
      request.destroy();
    }, post.timeoutMs ?? ANSWER_TIMEOUT_MS);
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ kind: 'error', error: connectionError(error), latencyMs: latency() }),
    );
    request.end(post.body);
  });
}

/**
 * A lookup that answers only the addresses the target check accepted: the connection goes to a
 * checked address even if the name answers differently by now (DNS rebinding).
 */
export function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
  return (_hostname, options, callback) => {
    if (options.all) {
      (callback as unknown as (error: null, all: typeof entries) => void)(null, entries);
      return;
    }
    const first = entries.at(0);
    if (first) callback(null, first.address, first.family);
    else callback(Object.assign(new Error('no checked address'), { code: 'ENOTFOUND' }), '', 4);
  };
}

/** A short reason for a failed connection: the error code, not the message (which may carry the address). */
function connectionError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ECONNREFUSED') return 'connection refused';
  if (error.code === 'ENOTFOUND') return 'host not found';
  if (error.code === 'ECONNRESET') return 'connection reset';
  if (error.code && /^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(error.code)) return 'TLS failed';
  if (error.code === 'EBLOCKEDTARGET') return error.message;
  return error.code ? `connection failed (${error.code})` : 'connection failed';
}

import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface ReceivedEvent {
  id: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

/** How the receiver answers a path: a fixed status, one per call (the last repeats), or whatever a function says now; 0 never answers. */
export type Behaviour = number | number[] | (() => number);

/**
 * A partner's endpoint on loopback (node:http): records every POST with its exact body and
 * headers, and answers each path as told, so tests can watch deliveries, failures and retries.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly calls = new Map<string, number>();
  private server: http.Server | undefined;
  private base = '';

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({
          path,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        });
        const call = this.calls.get(path) ?? 0;
        this.calls.set(path, call + 1);
        const behaviour = this.behaviours.get(path) ?? 204;
        const status =
          typeof behaviour === 'function'
            ? behaviour()
            : Array.isArray(behaviour)
              ? (behaviour[call] ?? behaviour.at(-1) ?? 204)
              : behaviour;
        // 0: hold the request unanswered (an endpoint that hangs, or a sender that dies meanwhile).
        if (status !== 0) response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A URL of this receiver answering as told. */
  url(path: string, behaviour: Behaviour = 204): string {
    this.behaviours.set(path, behaviour);
    return `${this.base}${path}`;
  }

  at(path: string): Received[] {
    return this.received.filter((entry) => entry.path === path);
  }

  /** What arrived at `path` as parsed CloudEvents. */
  events(path: string): ReceivedEvent[] {
    return this.at(path).map((entry) => JSON.parse(entry.body) as ReceivedEvent);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

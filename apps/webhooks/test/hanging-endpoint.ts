import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Received } from './webhook-receiver';

/**
 * A partner's endpoint that takes every POST and never answers, counting how many requests are open
 * at once (a request stays open until the sender gives up and closes its connection). The
 * WebhookReceiver can hold a request too, but cannot tell how many it holds at a time.
 */
export class HangingEndpoint {
  readonly received: Received[] = [];
  /** Requests whose connection is still open. */
  open = 0;
  /** The most requests open at once so far, and when that many were first open. */
  mostOpen = 0;
  mostOpenAt = 0;
  private server: http.Server | undefined;
  private base = '';

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => {
      this.open += 1;
      if (this.open > this.mostOpen) {
        this.mostOpen = this.open;
        this.mostOpenAt = Date.now();
      }
      // Never ended, so 'close' means the connection went: the sender timed out, or stop() cut it.
      response.on('close', () => (this.open -= 1));
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () =>
        this.received.push({
          path: request.url ?? '/',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        }),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** Destroys the held connections too: otherwise the service, stopping, waits out its answer timeout. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// @ts-check
// A partner's webhook endpoint on loopback, as the drills and the bench use it: it verifies every
// delivery with the Standard Webhooks reference library, answers 204, and keeps what arrived by
// webhook-id. It can go down (connections refused) and come back on the same port.
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

/**
 * @typedef {{ id: string; receivedAt: number; body: any }} Delivery
 */

export class WebhookReceiver {
  /** @type {Map<string, Delivery>} */
  byId = new Map();
  duplicates = 0;
  badSignatures = 0;
  /** @type {import('node:http').Server | null} */
  server = null;
  /** @type {Webhook | null} */
  verifier = null;
  port = 0;

  /** Starts listening (on `port`, or a free one the first time); resolves with the URL. */
  async start(port = this.port) {
    const server = createServer((request, response) => {
      const chunks = /** @type {Buffer[]} */ ([]);
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(this.accept(request.headers, Buffer.concat(chunks).toString('utf8')) ? 204 : 400).end();
      });
    });
    await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
    this.server = server;
    this.port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
    return `http://127.0.0.1:${this.port}/leadgate`;
  }

  /** The subscription's secret, once it is made: deliveries before that cannot be verified. */
  useSecret(/** @type {string} */ secret) {
    this.verifier = new Webhook(secret);
  }

  /** Down: open connections cut, new ones refused, until start() again. */
  async stop() {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
  }

  /**
   * @param {import('node:http').IncomingHttpHeaders} headers
   * @param {string} raw
   */
  accept(headers, raw) {
    try {
      if (!this.verifier) throw new Error('no secret yet');
      const body = this.verifier.verify(raw, {
        'webhook-id': String(headers['webhook-id']),
        'webhook-timestamp': String(headers['webhook-timestamp']),
        'webhook-signature': String(headers['webhook-signature']),
      });
      const id = String(headers['webhook-id']);
      if (this.byId.has(id)) this.duplicates++;
      else this.byId.set(id, { id, receivedAt: Date.now(), body });
      return true;
    } catch {
      this.badSignatures++;
      return false;
    }
  }

  /** The deliveries kept, one per webhook-id. */
  deliveries() {
    return [...this.byId.values()];
  }
}

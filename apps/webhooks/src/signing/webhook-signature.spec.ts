import { randomBytes } from 'node:crypto';
// The reference library's verifier: what partners run on their side.
import { Webhook } from 'standardwebhooks';
import { secretKeyBytes, webhookHeaders, webhookSignature } from './webhook-signature';

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

describe('webhookSignature', () => {
  it('matches the published Standard Webhooks example vector', () => {
    const signature = webhookSignature(
      { id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}' },
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is verified by the standardwebhooks library, and a changed body, id, timestamp or secret is not', () => {
    const secret = newSecret();
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ id: 'evt_1', data: { lead: { fields: { name: 'Jane' } } } });
    const headers = webhookHeaders({ id: 'evt_1', timestamp: now, body }, secret);
    const verifier = new Webhook(secret);
    expect(verifier.verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => verifier.verify(body.replace('Jane', 'John'), { ...headers })).toThrow();
    expect(() => verifier.verify(body, { ...headers, 'webhook-id': 'evt_2' })).toThrow();
    expect(() => verifier.verify(body, { ...headers, 'webhook-timestamp': String(now + 1) })).toThrow();
    expect(() => new Webhook(newSecret()).verify(body, { ...headers })).toThrow();
  });

  it('keys the MAC with the decoded secret bytes, not the text', () => {
    const secret = newSecret();
    expect(secretKeyBytes(secret)).toEqual(Buffer.from(secret.slice('whsec_'.length), 'base64'));
    expect(() => secretKeyBytes('whsec_')).toThrow('too short');
  });

  it('names the event id and the attempt timestamp in the headers', () => {
    const headers = webhookHeaders({ id: 'evt_9', timestamp: 1700000000, body: '{}' }, newSecret());
    expect(headers['webhook-id']).toBe('evt_9');
    expect(headers['webhook-timestamp']).toBe('1700000000');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });
});

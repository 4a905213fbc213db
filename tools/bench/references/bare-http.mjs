// @ts-check
// Reference for the edge cost: a bare node:http server that answers every request with a fixed JSON
// body the size of a /v1/me answer. No auth, no routing, no logging: the floor for an HTTP answer.
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
const body = JSON.stringify({
  token_id: 'tok_reference',
  kind: 'account',
  account_id: 'acc_reference',
  scopes: ['admin'],
  campaign_id: null,
  filter_id: null,
  rate_limit: { limit: 1200, remaining: 1199, reset_seconds: 60 },
});

createServer((request, response) => {
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}).listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));

// @ts-check
// Reference for the scoped read: a bare node:http server that runs the lead API's own queries with
// the MongoDB driver on the same database, with no gateway, no auth and no framework.
//   GET /lead/<id>  findOne by _id and campaign, then the partner filter checked on the document
//   GET /list       the first page of 50 inside campaign and filter, read as the lead service reads
//                   it: list bucket by list bucket, each in (created_at, _id) order (ADR 014)
import { createServer } from 'node:http';
import { MongoClient } from 'mongodb';
import { loadListBuckets } from '../../lib/built.mjs';

const port = Number(process.argv[2]);
/** @typedef {import('../../../apps/leads/src/store/lead.schema.js').LeadDocument} LeadDocument */

// The scoped-read suite starts this process with every one of these set.
const { MONGO_URL, LEADS_DATABASE, CAMPAIGN_ID, SELECT_KEY, SELECT_VALUE } = /** @type {Record<string, string>} */ (
  process.env
);
const client = await MongoClient.connect(MONGO_URL);
/** @type {import('mongodb').Collection<LeadDocument>} */
const leads = client.db(LEADS_DATABASE).collection('leads');
/** @type {import('mongodb').Collection<{ _id: string; numbered: number }>} */
const sequences = client.db(LEADS_DATABASE).collection('lead_list_sequences');
const inScope = { [`select_field_values.${SELECT_KEY}`]: { $eq: SELECT_VALUE } };
const { lastBucket, listBucketKey } = await loadListBuckets();

/** The lead as the API shows it: `id` for `_id`, no account. */
const view = (/** @type {LeadDocument} */ { _id, account_id: _account, ...lead }) => ({ id: _id, ...lead });

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {unknown} body
 */
function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
async function answer(request, response) {
  const url = new URL(request.url ?? '/', 'http://reference');
  if (url.pathname.startsWith('/lead/')) {
    const lead = await leads.findOne({
      _id: { $eq: url.pathname.slice('/lead/'.length) },
      campaign_id: { $eq: CAMPAIGN_ID },
    });
    if (!lead || lead.select_field_values?.[SELECT_KEY] !== SELECT_VALUE) return send(response, 404, { status: 404 });
    return send(response, 200, view(lead));
  }
  if (url.pathname === '/list') {
    const numbered = (await sequences.findOne({ _id: { $eq: CAMPAIGN_ID } }))?.numbered ?? 0;
    /** @type {LeadDocument[]} */
    const page = [];
    for (let bucket = 0; page.length < 51 && bucket <= lastBucket(numbered); bucket++) {
      const found = await leads
        .find({
          list_bucket: { $eq: listBucketKey(CAMPAIGN_ID, bucket) },
          campaign_id: { $eq: CAMPAIGN_ID },
          $and: [inScope],
        })
        .sort({ created_at: 1, _id: 1 })
        .limit(51 - page.length)
        .toArray();
      page.push(...found);
    }
    const data = page.slice(0, 50).map(view);
    return send(response, 200, {
      data,
      next_cursor:
        page.length > 50 ? Buffer.from(JSON.stringify([data[49].created_at, data[49].id])).toString('base64url') : null,
    });
  }
  send(response, 404, { status: 404 });
}

createServer((request, response) => {
  request.resume();
  answer(request, response).catch((error) => send(response, 500, { detail: error.message }));
}).listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));

import express, { ErrorRequestHandler, Express, RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';
import { sendProblem } from '@leadgate/service-kit/errors/send-problem';
import { bodyDigest, EMPTY_BODY_DIGEST } from '@leadgate/service-kit/internal-auth/principal';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';

type RequestWithRawBody = IncomingMessage & { bodyDigest?: string; rawBody?: Buffer };

/** The SHA-256 (base64url) of the bytes the request's body parser read: what the gateway signed. */
export function bodyDigestOf(request: IncomingMessage): string {
  return (request as RequestWithRawBody).bodyDigest ?? EMPTY_BODY_DIGEST;
}

/** The raw bytes of a body no other parser took (multipart uploads, other media types), if any. */
export function rawBodyOf(request: IncomingMessage): Buffer | undefined {
  return (request as RequestWithRawBody).rawBody;
}

/**
 * Every body is read here, whatever its type: JSON and form bodies parsed, anything else (multipart
 * uploads) kept as raw bytes for its handler. Reading all of them means the digest of the exact bytes
 * can be checked against the signed principal (InternalPrincipalGuard), and a JSON body nested
 * deeper than MAX_JSON_DEPTH is refused before any handler sees it. Parser failures are answered here
 * as problem+json, because they happen before Nest's exception filters can see the request.
 */
export function installBodyParsing(app: Express, limit: string | number, rawLimit: string | number = limit): void {
  // inflate: false: the digest is of the bytes on the wire, so a compressed body is refused (415)
  // rather than inflated into bytes the gateway never signed.
  const common = { inflate: false };
  app.use(express.json({ ...common, limit, type: ['application/json', 'application/*+json'], verify: recordJson }));
  app.use(express.urlencoded({ ...common, limit, extended: false, parameterLimit: 500, verify: record }));
  app.use(express.raw({ ...common, limit: rawLimit, type: () => true, verify: record }));
  app.use(keepRawBodyAside);
  app.use(bodyErrorHandler);
  app.use(refuseNulCharacters);
}

function record(request: IncomingMessage, _response: unknown, bytes: Buffer): void {
  (request as RequestWithRawBody).bodyDigest = bodyDigest(bytes);
}

function recordJson(request: IncomingMessage, response: unknown, bytes: Buffer): void {
  record(request, response, bytes);
  if (jsonDepthExceeds(bytes)) {
    throw Object.assign(new Error('body nested too deep'), { status: 400, type: 'body_too_deep' });
  }
}

/** Raw bytes go to request.rawBody, so handlers that read request.body see no Buffer they never asked for. */
const keepRawBodyAside: RequestHandler = (request, _response, next) => {
  if (Buffer.isBuffer(request.body)) {
    (request as RequestWithRawBody).rawBody = request.body;
    request.body = undefined;
  }
  next();
};

/** True if any string (or key) in a parsed body holds U+0000, which PostgreSQL cannot store. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

/**
 * The database behind FerretDB's default backend cannot store U+0000 in a string: a body carrying
 * one is refused here (422), clearly, instead of failing later as a 500 with half a write behind it.
 * In the query it is a malformed request (400 bad_query), as every other unusable query parameter is.
 */
const refuseNulCharacters: RequestHandler = (request, response, next) => {
  if (containsNul(request.query)) {
    sendProblem(
      response,
      400,
      'bad_query',
      'Bad query',
      'Query parameters may not contain the NUL character (U+0000).',
    );
    return;
  }
  if (!containsNul(request.body)) return next();
  sendProblem(
    response,
    422,
    'validation_failed',
    'Validation failed',
    'Text may not contain the NUL character (U+0000).',
  );
};

const BODY_PROBLEMS: Record<string, [type: string, title: string, detail: string]> = {
  'entity.too.large': [
    'payload_too_large',
    'Request body too large',
    'The request body is larger than this endpoint accepts.',
  ],
  'encoding.unsupported': [
    'unsupported_media_type',
    'Unsupported content encoding',
    'Send the request body uncompressed.',
  ],
  body_too_deep: ['body_too_deep', 'Request body nested too deep', `JSON may nest at most ${MAX_JSON_DEPTH} levels.`],
};

const bodyErrorHandler: ErrorRequestHandler = (error: { type?: string; status?: number }, _request, response, next) => {
  if (!error || typeof error.status !== 'number') return next(error);
  const status = error.type === 'entity.too.large' ? 413 : error.status;
  const [type, title, detail] = BODY_PROBLEMS[error.type ?? ''] ?? [
    'malformed_body',
    'Malformed request body',
    'The request body could not be parsed.',
  ];
  sendProblem(response, status, type, title, detail);
};

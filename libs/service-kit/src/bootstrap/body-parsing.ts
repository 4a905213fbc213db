import express, { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { PROBLEM_CONTENT_TYPE, problemTypeUri } from '../errors/problem';

/**
 * JSON and form bodies with a size limit. Parser failures are answered here as problem+json,
 * because they happen before Nest's exception filters can see the request.
 */
export function installBodyParsing(app: Express, limit: string): void {
  app.use(express.json({ limit, type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ limit, extended: false, parameterLimit: 500 }));
  app.use(bodyErrorHandler);
  app.use(refuseNulCharacters);
}

/** True if any string (or key) in a parsed body holds U+0000, which PostgreSQL cannot store. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

/**
 * The database behind FerretDB's default backend cannot store U+0000 in a string: a body carrying
 * one is refused here, clearly, instead of failing later as a 500 with half a write behind it.
 */
const refuseNulCharacters: RequestHandler = (request, response, next) => {
  if (!containsNul(request.body) && !containsNul(request.query)) return next();
  const problem = {
    type: problemTypeUri('validation_failed'),
    title: 'Validation failed',
    status: 422,
    detail: 'Text may not contain the NUL character (U+0000).',
    instance: request.originalUrl.split('?')[0],
  };
  response.status(422).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
};

const bodyErrorHandler: ErrorRequestHandler = (error: { type?: string; status?: number }, request, response, next) => {
  if (!error || typeof error.status !== 'number') return next(error);
  const tooLarge = error.type === 'entity.too.large';
  const status = tooLarge ? 413 : error.status;
  const problem = {
    type: problemTypeUri(tooLarge ? 'payload_too_large' : 'malformed_body'),
    title: tooLarge ? 'Request body too large' : 'Malformed request body',
    status,
    detail: tooLarge
      ? 'The request body is larger than this endpoint accepts.'
      : 'The request body could not be parsed.',
    instance: request.originalUrl.split('?')[0],
  };
  response.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
};

import express, { ErrorRequestHandler, Express } from 'express';
import { PROBLEM_CONTENT_TYPE, problemTypeUri } from '../errors/problem';

/**
 * JSON and form bodies with a size limit. Parser failures are answered here as problem+json,
 * because they happen before Nest's exception filters can see the request.
 */
export function installBodyParsing(app: Express, limit: string): void {
  app.use(express.json({ limit, type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ limit, extended: false, parameterLimit: 500 }));
  app.use(bodyErrorHandler);
}

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

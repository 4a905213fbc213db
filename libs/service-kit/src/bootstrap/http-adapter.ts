import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { observeRequests, requestObserver, ServiceMetrics } from '@leadgate/observability';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE, problemTypeUri } from '@leadgate/service-kit/errors/problem';

type EntryModule = Parameters<typeof NestFactory.create>[0];

/** The HTTP server under Nest: Express (the default) or Fastify (the gateway: less cost per request). */
export type HttpAdapterKind = 'express' | 'fastify';

/**
 * A check that runs on every request before routing, on Node's own request and response, under
 * either adapter. It returns true when it answered the request itself (nothing else runs then).
 */
export type EdgeCheck = (request: IncomingMessage, response: ServerResponse) => boolean;

export interface HttpSetup {
  adapter: HttpAdapterKind;
  trustedProxies: string[];
  logger: Logger;
  metrics: ServiceMetrics;
  edgeChecks: EdgeCheck[];
  nestLogger: LoggerService;
}

/**
 * Creates the Nest application on the chosen adapter with the same edge on both: the request
 * observer first (request id, access log, metrics), then the service's edge checks, then routing.
 * X-Forwarded-For is believed only from trusted proxies (proxy-addr on both adapters), and no
 * framework banner is sent.
 */
export async function createHttpApp(module: EntryModule, setup: HttpSetup): Promise<INestApplication> {
  return setup.adapter === 'fastify' ? createFastifyApp(module, setup) : createExpressApp(module, setup);
}

async function createExpressApp(module: EntryModule, setup: HttpSetup): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: setup.nestLogger, bodyParser: false });
  app.disable('x-powered-by');
  app.set('trust proxy', setup.trustedProxies.length > 0 ? setup.trustedProxies : false);
  app.use(requestObserver(setup.logger, setup.metrics));
  for (const check of setup.edgeChecks) {
    app.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
      if (!check(request, response)) next();
    });
  }
  return app;
}

async function createFastifyApp(module: EntryModule, setup: HttpSetup): Promise<INestApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: setup.trustedProxies.length > 0 ? setup.trustedProxies : false,
    // Routing as Express does it, so a path answers the same whichever adapter a service runs on.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
    // Nest middleware is not used on this adapter: the edge is Fastify hooks (below), one layer less.
    skipMiddie: true,
    clientErrorHandler: answerClientError,
    // Errors Fastify answers before any hook or filter runs (a path that is not valid URL encoding).
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      void reply
        .code(error.statusCode ?? 400)
        .type(PROBLEM_CONTENT_TYPE)
        .send(problemBody(error.statusCode ?? 400, 'bad_request', 'Bad request', 'The request target is not valid.'));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: setup.nestLogger,
    bodyParser: false,
  });
  const fastify = adapter.getInstance();
  // Bodies are never parsed here: every media type is accepted and left unread on the request
  // stream for the handler (the gateway reads it itself, with its own limits). So Fastify never
  // answers 413/415 on its own.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  const observe = observeRequests<FastifyRequest>(setup.logger, setup.metrics, fastifyRouteTemplate);
  const checks = setup.edgeChecks;
  fastify.addHook('onRequest', (request, reply, done) => {
    observe(request, request.raw, reply.raw, () => {
      for (const check of checks) {
        if (check(request.raw, reply.raw)) {
          // Answered on the raw response: Fastify must not answer again.
          void reply.hijack();
          return;
        }
      }
      done();
    });
  });
  return app;
}

/** The route template Fastify matched (`/v1/*`), or 'unmatched' (404s): never the raw path. */
function fastifyRouteTemplate(request: FastifyRequest): string {
  return request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
}

/**
 * Bytes that are not HTTP, or headers too large: answered as problem+json on the socket, and the
 * connection closed (what Node does by default, with a body of our kind).
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy(error);
    return;
  }
  const [status, reason, type] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'headers_too_large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request_timeout']
        : [400, 'Bad Request', 'bad_request'];
  const body = problemBody(status, type, reason, 'The request could not be read as HTTP.');
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function problemBody(status: number, type: string, title: string, detail: string): string {
  return JSON.stringify({ type: problemTypeUri(type), title, status, detail });
}

import { HttpStatus, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { HttpAdapterHost } from '@nestjs/core';
import { ROOT_LOGGER } from '@leadgate/observability';
import { ProblemException, ProblemFilter, SERVICE_CONFIG } from '@leadgate/service-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { GatewayConfig } from '@gateway/config';
import { httpHost } from '@gateway/edge/http-host';
import { ConsoleFile, CSP_NONCE_PLACEHOLDER, loadConsoleFiles } from './console-files';

/**
 * The console's policy: its own scripts, styles and API only. Nothing inline, except the one
 * `<style>` React Aria injects, which carries this answer's nonce (it reads it from the page's
 * `<meta property="csp-nonce">`). No framing, no plugins, forms post nowhere but here.
 */
export function consoleCsp(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const PAGE_HEADERS = {
  // Every answer has its own nonce: nothing may keep one.
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/**
 * GET /console and everything below it (API.md §11), answered by the gateway from memory: the
 * hashed assets cached for a year, every other path the app's page (the app routes in the browser),
 * never stored. Plain Fastify routes, as GET /v1/me: no token is involved; the page
 * signs in with a session and calls the API like any client.
 */
@Injectable()
export class ConsoleRoute implements OnModuleInit {
  private readonly problems: ProblemFilter;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.problems = new ProblemFilter(logger, adapterHost);
  }

  onModuleInit(): void {
    const files = loadConsoleFiles(this.config.CONSOLE_DIR);
    if (!files) this.logger.warn({ dir: this.config.CONSOLE_DIR }, 'console not built: /console answers 404');
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const notFound = (request: FastifyRequest, reply: FastifyReply, detail: string) =>
      this.problems.catch(
        new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', detail),
        httpHost(request, reply),
      );
    const answer = (request: FastifyRequest, reply: FastifyReply) => {
      if (!files) return notFound(request, reply, 'The console is not built on this gateway.');
      const asset = assetName(request.url);
      if (asset === null) return sendPage(reply, files.page);
      const file = files.assets.get(asset);
      if (!file) return notFound(request, reply, 'No such console file.');
      return send(request, reply, file, {
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      });
    };
    // HEAD is answered from the GET routes (Fastify's exposeHeadRoutes).
    fastify.get('/console', answer);
    fastify.get('/console/*', answer);
  }
}

/** The asset a path names (`/console/assets/<name>`), or null for a page path. */
function assetName(url: string): string | null {
  const pathname = url.split('?', 1)[0] ?? '';
  const prefix = '/console/assets/';
  return pathname.startsWith(prefix) ? decodeURIComponent(pathname.slice(prefix.length)) : null;
}

function sendPage(reply: FastifyReply, template: string) {
  const nonce = randomBytes(18).toString('base64');
  return reply
    .headers({ ...PAGE_HEADERS, 'Content-Security-Policy': consoleCsp(nonce) })
    .type('text/html; charset=utf-8')
    .send(template.replaceAll(CSP_NONCE_PLACEHOLDER, nonce));
}

function send(request: FastifyRequest, reply: FastifyReply, file: ConsoleFile, headers: Record<string, string>) {
  void reply.headers(headers).header('ETag', file.etag).header('Vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === file.etag) return reply.code(HttpStatus.NOT_MODIFIED).send();
  void reply.type(file.contentType);
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (file.gzipped && acceptsGzip) return reply.header('Content-Encoding', 'gzip').send(file.gzipped);
  return reply.send(file.body);
}

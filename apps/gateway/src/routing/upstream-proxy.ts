import { HttpStatus, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { REQUEST_ID_HEADER } from '@leadgate/observability';
import {
  Principal,
  PROBLEM_CONTENT_TYPE,
  PrincipalSigner,
  problemTypeUri,
  SERVICE_CONFIG,
} from '@leadgate/service-kit';
import type { Request, Response } from 'express';
import { Agent, ClientRequest, IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { GatewayConfig } from '../config';
import { Route } from './route-table';
import { Replica } from './upstream-pool';
import { UpstreamPools } from './upstream-pools';

/** Headers that describe one hop and must not be passed on (RFC 9110 §7.6.1), plus our own. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'authorization',
  'x-leadgate-principal',
  'x-leadgate-signature',
]);

/** Methods that change nothing: a call that failed before any answer may be sent to another replica. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Errors that show a replica is gone (nothing listens, or it dropped the connection), not just slow. */
const EJECTING_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

type Problem = [status: number, type: string, title: string, detail: string];

const UNAVAILABLE: Problem = [
  503,
  'upstream_unavailable',
  'Service unavailable',
  'The service for this call is not reachable.',
];

/**
 * Forwards a request to a replica of the service that owns its route (UpstreamPools picks it) over
 * keep-alive HTTP, with the signed principal and the request id. The body is streamed, not buffered,
 * and cut at the route's size limit (413). A service that does not answer within the deadline gets
 * 504, and the call is aborted so it is not carried out later. A call that fails before the replica
 * can have acted on it goes to another replica; when none is left, 503.
 */
@Injectable()
export class UpstreamProxy implements OnModuleDestroy {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly signer: PrincipalSigner,
    private readonly upstreams: UpstreamPools,
  ) {}

  onModuleDestroy(): void {
    this.agent.destroy();
  }

  forward(request: Request, response: Response, route: Route, principal: Principal): Promise<void> {
    const limit = route.upload ? this.config.FILE_UPLOAD_LIMIT_BYTES : this.config.BODY_LIMIT_BYTES;
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit)
      return Promise.resolve(
        sendProblem(
          response,
          HttpStatus.PAYLOAD_TOO_LARGE,
          'payload_too_large',
          'Request body too large',
          `The limit for this endpoint is ${limit} bytes.`,
        ),
      );

    const path = request.originalUrl;
    const headers = this.forwardedHeaders(request.headers, route, request.ip);
    Object.assign(headers, this.signer.sign(request.method, path.split('?')[0] ?? path, principal));
    const pool = this.upstreams.pools[route.upstream];
    const hasBody = request.headers['transfer-encoding'] !== undefined || declared > 0;
    const tried = new Set<Replica>();

    return new Promise<void>((resolve) => {
      let settled = false;
      const finish = (problem?: Problem) => {
        if (settled) return;
        settled = true;
        if (problem && !response.headersSent) sendProblem(response, ...problem);
        else if (problem) response.destroy();
        resolve();
      };

      const attempt = () => {
        const replica = pool.pick(tried);
        if (!replica) return finish(UNAVAILABLE);
        tried.add(replica);
        let connected = false;
        let answered = false;
        const upstream = httpRequest(
          {
            protocol: replica.url.protocol,
            hostname: replica.url.hostname,
            port: replica.url.port,
            method: request.method,
            path,
            headers,
            agent: this.agent,
            timeout: this.config.UPSTREAM_TIMEOUT_MS,
          },
          (answer) => {
            answered = true;
            response.status(answer.statusCode ?? 502);
            for (const [name, value] of Object.entries(answer.headers)) {
              if (value !== undefined && !HOP_BY_HOP.has(name)) response.setHeader(name, value);
            }
            answer.pipe(response);
            answer.on('end', () => finish());
            answer.on('error', () => finish([502, 'bad_gateway', 'Bad gateway', 'The service answer was cut off.']));
          },
        );
        // Why the body waits for the connection: request.pipe() would read the caller's body into
        // this request's write buffer at once, and a refused connection would then have swallowed
        // bytes a retry could not send again. Read nothing until a socket is connected, and a call
        // that fails before that has sent nothing and consumed nothing: any method may be retried.
        upstream.on('socket', (socket) => {
          const start = () => {
            connected = true;
            this.sendBody(request, upstream, hasBody, limit, finish);
          };
          if (socket.connecting) socket.once('connect', start);
          else start();
        });
        upstream.on('timeout', () => {
          upstream.destroy();
          finish([504, 'timeout', 'Deadline exceeded', 'The service did not answer in time; the call was abandoned.']);
        });
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (settled) return;
          if (!answered && EJECTING_ERRORS.has(error.code ?? '')) {
            this.upstreams.eject(pool, replica, error.code ?? error.message);
          }
          // Once connected, the replica may have acted on the call: only a safe call without a body
          // (nothing of the caller's was consumed) may go to another replica.
          const retryable = !answered && (!connected || (SAFE_METHODS.has(request.method) && !hasBody));
          if (retryable) attempt();
          else finish(UNAVAILABLE);
        });
      };
      attempt();
    });
  }

  /** Streams the caller's body (cut at the limit: 413), or ends a call that has none. */
  private sendBody(
    request: Request,
    upstream: ClientRequest,
    hasBody: boolean,
    limit: number,
    finish: (problem?: Problem) => void,
  ): void {
    if (!hasBody) {
      upstream.end();
      return;
    }
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        upstream.destroy();
        request.unpipe(upstream);
        finish([413, 'payload_too_large', 'Request body too large', `The limit for this endpoint is ${limit} bytes.`]);
      }
    });
    request.pipe(upstream);
  }

  private forwardedHeaders(
    incoming: IncomingHttpHeaders,
    route: Route,
    clientAddress: string | undefined,
  ): Record<string, string | string[]> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(incoming)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    if (route.forwardAuthorization && typeof incoming.authorization === 'string') {
      headers['authorization'] = incoming.authorization;
    }
    headers[REQUEST_ID_HEADER] = String(incoming[REQUEST_ID_HEADER]);
    // The services see the caller's address (per-address limits of the receiver), not the gateway's.
    if (clientAddress) headers['x-forwarded-for'] = clientAddress;
    return headers;
  }
}

function sendProblem(response: Response, status: number, type: string, title: string, detail: string): void {
  response
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: problemTypeUri(type),
        title,
        status,
        detail,
        instance: response.req.originalUrl.split('?')[0],
      }),
    );
}

import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { REQUEST_ID_HEADER } from '@leadgate/observability';
import {
  bodyDigest,
  isJsonMediaType,
  jsonDepthExceeds,
  MAX_JSON_DEPTH,
  Principal,
  PrincipalSigner,
  sendProblem,
  SERVICE_CONFIG,
  SHED_HEADER,
} from '@leadgate/service-kit';
import { Agent, IncomingHttpHeaders, IncomingMessage, request as httpRequest, ServerResponse } from 'node:http';
import { isBearerAuthorization } from '@gateway/auth/bearer-scheme';
import { GatewayConfig } from '@gateway/config';
import { carriesForbiddenBody, isBodilessMethod } from '@gateway/edge/bodiless-methods';
import { isSafeMethod } from '@gateway/edge/safe-methods';
import { applySessionAnswer, SESSION_ANSWER_HEADERS } from '@gateway/sessions/session-answer';
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
  'expect',
  'host',
  'authorization',
  'x-leadgate-principal',
  'x-leadgate-signature',
  // The console session and its CSRF token stop at the edge: services get the signed principal.
  'cookie',
  'x-csrf-token',
  // Between the services and the gateway only: a 503 that started nothing may go to another replica.
  SHED_HEADER,
]);

/** Set by the proxy itself (the framing), or never trusted from the caller (the client address is signed). */
const NOT_FORWARDED = new Set(['content-length', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'forwarded']);

/** Errors that show a replica is gone (nothing listens, or it dropped the connection), not just slow. */
const EJECTING_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

type Problem = [status: number, type: string, title: string, detail: string];

const UNAVAILABLE: Problem = [
  503,
  'upstream_unavailable',
  'Service unavailable',
  'The service for this call is not reachable.',
];

const TIMED_OUT: Problem = [
  504,
  'timeout',
  'Deadline exceeded',
  'The service did not answer in time; the call was abandoned.',
];

const tooLarge = (limit: number): Problem => [
  413,
  'payload_too_large',
  'Request body too large',
  `The limit for this endpoint is ${limit} bytes.`,
];

/**
 * Forwards a request to a replica of the service that owns its route (UpstreamPools picks it) over
 * keep-alive HTTP, with a principal signed for exactly this request (method, path with query, body
 * digest) and the request id. The body is read whole first (413 above the route's limit) and sent
 * with an explicit Content-Length: what reaches a pooled upstream socket is always framed, so no
 * caller can smuggle a second request onto it. GET, HEAD and DELETE with a body are refused (400),
 * and JSON nested deeper than the services accept is refused here already. The request's deadline
 * travels in the signed principal (services start nothing that commits after it); a service that
 * has not answered UPSTREAM_COMMIT_MARGIN_MS after it gets 504, and the call is dropped. A
 * call that fails before the replica can have acted on it goes to another replica, and so does one
 * a saturated replica shed (503 that started nothing) while another has room; when none is left, 503.
 */
@Injectable()
export class UpstreamProxy implements OnModuleDestroy {
  private readonly agent: Agent;
  /** Longest a forwarded call's socket may be silent; past the backstop, so the backstop decides first. */
  private readonly callSocketTimeoutMs: number;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly signer: PrincipalSigner,
    private readonly upstreams: UpstreamPools,
  ) {
    this.callSocketTimeoutMs = config.UPSTREAM_TIMEOUT_MS + config.UPSTREAM_COMMIT_MARGIN_MS + 1000;
    // With a timeout set, Node's agent closes an idle pooled socket a second before the service's
    // announced keep-alive timeout (`Keep-Alive: timeout=5`). Without one it keeps the socket until
    // the service closes it, and a call sent on it at that moment is reset: a POST may not be sent
    // again, so the caller got 503.
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: 256,
      keepAliveMsecs: 10_000,
      timeout: this.callSocketTimeoutMs,
    });
  }

  onModuleDestroy(): void {
    this.agent.destroy();
  }

  async forward(
    request: IncomingMessage,
    response: ServerResponse,
    route: Route,
    principal: Principal,
    { secureCookies }: { secureCookies: boolean } = { secureCookies: false },
  ): Promise<void> {
    const limit = route.upload ? this.config.FILE_UPLOAD_LIMIT_BYTES : this.config.BODY_LIMIT_BYTES;
    const declared = Number(request.headers['content-length'] ?? 0);
    const framed = request.headers['transfer-encoding'] !== undefined || declared > 0;
    if (carriesForbiddenBody(request)) {
      // refuseBodiesOnBodilessMethods answers these first; kept here because the proxy must never
      // forward an unframed body, whatever runs before it. The connection closes with the answer.
      return refuse(response, [
        400,
        'body_not_allowed',
        'Body not allowed',
        `A ${request.method} request may not carry a body (Content-Length or Transfer-Encoding).`,
      ]);
    }
    if (declared > limit) return refuse(response, tooLarge(limit));
    const body = framed ? await readBody(request, limit) : EMPTY;
    if (body === 'aborted') return;
    if (body === 'too_large') return refuse(response, tooLarge(limit));
    if (isJsonMediaType(request.headers['content-type']) && jsonDepthExceeds(body)) {
      return refuse(response, [
        400,
        'body_too_deep',
        'Request body nested too deep',
        `JSON may nest at most ${MAX_JSON_DEPTH} levels.`,
      ]);
    }
    return this.send(request, response, route, principal, body, secureCookies);
  }

  private send(
    request: IncomingMessage,
    response: ServerResponse,
    route: Route,
    principal: Principal,
    body: Buffer,
    secureCookies: boolean,
  ) {
    // The request target as the caller sent it (Fastify never rewrites the raw request's url).
    const path = request.url ?? '/';
    const method = request.method ?? 'GET';
    const headers = this.forwardedHeaders(request.headers, route);
    if (!isBodilessMethod(request.method) || body.length > 0) headers['content-length'] = String(body.length);
    const signed = { method, pathWithQuery: path, bodyDigest: bodyDigest(body) };
    const pool = this.upstreams.pools[route.upstream];
    const tried = new Set<Replica>();
    const deadline = Date.now() + this.config.UPSTREAM_TIMEOUT_MS;

    return new Promise<void>((resolve) => {
      let settled = false;
      let current: ReturnType<typeof httpRequest> | undefined;
      // Until the answer starts: the deadline plus the margin a commit that began before it may take.
      const backstop = setTimeout(
        () => {
          current?.destroy();
          finish(TIMED_OUT);
        },
        deadline + this.config.UPSTREAM_COMMIT_MARGIN_MS - Date.now(),
      );
      const finish = (problem?: Problem) => {
        clearTimeout(backstop);
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
        // Set once this attempt's call is given up for another replica: what it does later is moot.
        let superseded = false;
        replica.inFlight++;
        const upstream = httpRequest(
          {
            protocol: replica.url.protocol,
            hostname: replica.url.hostname,
            port: replica.url.port,
            method,
            path,
            // Signed per attempt: each replica sees a fresh one-time id, and the request's one deadline.
            headers: { ...headers, ...this.signer.sign(signed, { ...principal, deadline }) },
            agent: this.agent,
          },
          (answer) => {
            if (answer.statusCode === 503 && answer.headers[SHED_HEADER] !== undefined) {
              this.upstreams.markSaturated(pool, replica);
              if (pool.hasSpareReplica(tried)) {
                superseded = true;
                answer.resume();
                return attempt();
              }
            }
            answered = true;
            clearTimeout(backstop);
            // A long answer (a file) may stream past the deadline; only a stalled one is cut.
            upstream.setTimeout(this.config.UPSTREAM_TIMEOUT_MS);
            response.statusCode = answer.statusCode ?? 502;
            for (const [name, value] of Object.entries(answer.headers)) {
              if (value !== undefined && !HOP_BY_HOP.has(name) && !SESSION_ANSWER_HEADERS.has(name)) {
                response.setHeader(name, value);
              }
            }
            applySessionAnswer(route, answer.headers, response, secureCookies);
            answer.pipe(response);
            answer.on('end', () => finish());
            answer.on('error', () => finish([502, 'bad_gateway', 'Bad gateway', 'The service answer was cut off.']));
          },
        );
        upstream.on('socket', (socket) => {
          if (socket.connecting) socket.once('connect', () => (connected = true));
          else connected = true;
        });
        current = upstream;
        // A reused socket still has the short idle timeout of the pool: a call gets its own.
        upstream.setTimeout(this.callSocketTimeoutMs);
        upstream.once('close', () => replica.inFlight--);
        upstream.on('timeout', () => {
          upstream.destroy();
          finish([502, 'bad_gateway', 'Bad gateway', 'The service answer stalled and was cut off.']);
        });
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (settled || superseded) return;
          if (!answered && EJECTING_ERRORS.has(error.code ?? '')) {
            this.upstreams.eject(pool, replica, error.code ?? error.message);
          }
          // A call that never connected reached no replica: any method may go to another one. Once
          // connected, the replica may have acted on it: only a safe call without a body may.
          const retryable = !answered && (!connected || (isSafeMethod(method) && body.length === 0));
          if (retryable) attempt();
          else finish(UNAVAILABLE);
        });
        // The body is in memory, so a retry sends the same bytes again.
        upstream.end(body);
      };
      attempt();
    });
  }

  private forwardedHeaders(incoming: IncomingHttpHeaders, route: Route): Record<string, string | string[]> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(incoming)) {
      if (value !== undefined && !HOP_BY_HOP.has(name) && !NOT_FORWARDED.has(name)) headers[name] = value;
    }
    if (
      route.forwardAuthorization &&
      typeof incoming.authorization === 'string' &&
      !isBearerAuthorization(incoming.authorization)
    ) {
      headers['authorization'] = incoming.authorization;
    }
    headers[REQUEST_ID_HEADER] = String(incoming[REQUEST_ID_HEADER]);
    return headers;
  }
}

const EMPTY = Buffer.alloc(0);

/** The caller's whole body, or why there is none: over the limit, or the caller went away. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const done = (result: Buffer | 'too_large' | 'aborted') => {
      request.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        request.pause();
        done('too_large');
      } else chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, received));
    const onAbort = () => done('aborted');
    request.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

/** A refusal before anything was forwarded; the caller's unread bytes die with the connection. */
function refuse(response: ServerResponse, problem: Problem): void {
  response.setHeader('Connection', 'close');
  sendProblem(response, ...problem);
}

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
import { Agent, IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { GatewayConfig } from '../config';
import { Route, Upstream } from './route-table';

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

/**
 * Forwards a request to the service that owns its route over keep-alive HTTP, with the signed
 * principal and the request id. The body is streamed, not buffered, and cut at the route's size
 * limit (413). A service that does not answer within the deadline gets 504, and the call is aborted
 * so it is not carried out later.
 */
@Injectable()
export class UpstreamProxy implements OnModuleDestroy {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });
  private readonly bases: Record<Upstream, URL>;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly signer: PrincipalSigner,
  ) {
    this.bases = {
      identity: new URL(config.IDENTITY_URL),
      campaigns: new URL(config.CAMPAIGNS_URL),
      leads: new URL(config.LEADS_URL),
      docs: new URL(config.DOCS_URL),
    };
  }

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
    const base = this.bases[route.upstream];

    return new Promise<void>((resolve) => {
      let settled = false;
      const finish = (problem?: [number, string, string, string]) => {
        if (settled) return;
        settled = true;
        if (problem && !response.headersSent) sendProblem(response, ...problem);
        else if (problem) response.destroy();
        resolve();
      };
      const upstream = httpRequest(
        {
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port,
          method: request.method,
          path,
          headers,
          agent: this.agent,
          timeout: this.config.UPSTREAM_TIMEOUT_MS,
        },
        (answer) => {
          response.status(answer.statusCode ?? 502);
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name)) response.setHeader(name, value);
          }
          answer.pipe(response);
          answer.on('end', () => finish());
          answer.on('error', () => finish([502, 'bad_gateway', 'Bad gateway', 'The service answer was cut off.']));
        },
      );
      upstream.on('timeout', () => {
        upstream.destroy();
        finish([504, 'timeout', 'Deadline exceeded', 'The service did not answer in time; the call was abandoned.']);
      });
      upstream.on('error', () =>
        finish([503, 'upstream_unavailable', 'Service unavailable', 'The service for this call is not reachable.']),
      );

      let received = 0;
      request.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) {
          upstream.destroy();
          request.unpipe(upstream);
          finish([
            413,
            'payload_too_large',
            'Request body too large',
            `The limit for this endpoint is ${limit} bytes.`,
          ]);
        }
      });
      request.pipe(upstream);
    });
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

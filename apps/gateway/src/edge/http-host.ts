import { ArgumentsHost } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * What the ProblemFilter reads of a Nest ArgumentsHost (the HTTP request and reply), for the plain
 * Fastify routes of the edge that answer errors through the service's ProblemFilter.
 */
export function httpHost(request: FastifyRequest, reply: FastifyReply): ArgumentsHost {
  return { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
}

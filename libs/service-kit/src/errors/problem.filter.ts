import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ROOT_LOGGER } from '@leadgate/observability';
import { Logger } from 'pino';
import {
  DEFAULT_PROBLEM_TYPES,
  PROBLEM_CONTENT_TYPE,
  ProblemDetails,
  ProblemException,
  problemTypeUri,
} from './problem';

/**
 * Turns every error into application/problem+json, through whichever HTTP adapter the service runs
 * on (Express or Fastify), including the 404s and parser errors the framework raises itself.
 * Unknown errors become a bare 500: the stack goes to the log (with the request id), never to the caller.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const adapter = this.adapterHost.httpAdapter;
    const response: unknown = http.getResponse();
    const url = adapter.getRequestUrl(http.getRequest()) as string | undefined;
    const problem = this.toProblem(exception, url?.split('?')[0]);
    if (problem.status >= 500) this.logger.error({ err: exception, status: problem.status }, 'request failed');
    if (exception instanceof ProblemException && exception.headers) {
      for (const [name, value] of Object.entries(exception.headers)) adapter.setHeader(response, name, value);
    }
    adapter.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
    adapter.reply(response, JSON.stringify(problem), problem.status);
  }

  private toProblem(exception: unknown, instance: string | undefined): ProblemDetails {
    if (exception instanceof ProblemException) {
      return {
        type: problemTypeUri(exception.problemType),
        title: exception.title,
        status: exception.getStatus(),
        detail: exception.message,
        instance,
        ...(exception.errors ? { errors: exception.errors } : {}),
      };
    }
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    const [type, title] =
      DEFAULT_PROBLEM_TYPES[status] ?? (status >= 500 ? DEFAULT_PROBLEM_TYPES[500] : ['error', 'Error']);
    return {
      type: problemTypeUri(type),
      title,
      status,
      detail: status >= 500 ? 'The request could not be completed.' : describeClientError(exception),
      instance,
    };
  }
}

function describeClientError(exception: unknown): string {
  if (!(exception instanceof HttpException)) return 'The request was refused.';
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

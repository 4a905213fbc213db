import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { ROOT_LOGGER } from '@leadgate/observability';
import type { Request, Response } from 'express';
import { Logger } from 'pino';
import {
  DEFAULT_PROBLEM_TYPES,
  PROBLEM_CONTENT_TYPE,
  ProblemDetails,
  ProblemException,
  problemTypeUri,
} from './problem';

/**
 * Turns every error into application/problem+json. Unknown errors become a bare 500: the stack
 * goes to the log (with the request id), never to the caller.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500) this.logger.error({ err: exception, status: problem.status }, 'request failed');
    if (exception instanceof ProblemException && exception.headers) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request): ProblemDetails {
    const instance = request.originalUrl?.split('?')[0];
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

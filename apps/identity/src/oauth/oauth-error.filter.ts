import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OAuthError } from './oauth-error';

@Catch(OAuthError)
export class OAuthErrorFilter implements ExceptionFilter {
  catch(error: OAuthError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
    response.setHeader('Cache-Control', 'no-store');
    response.status(error.getStatus()).json(error.body(request.originalUrl.split('?')[0] ?? ''));
  }
}

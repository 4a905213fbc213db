import type { Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemTypeUri } from './problem';

/**
 * Answers an RFC 9457 problem straight from Express middleware, where Nest's exception filter does
 * not reach (body parsing, the gateway's edge checks and its proxy).
 */
export function sendProblem(response: Response, status: number, type: string, title: string, detail: string): void {
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

import { EdgeCheck, sendProblem } from '@leadgate/service-kit';
import { decideAtEdge, rememberEdgeMatch } from '@gateway/routing/route-matcher';
import { carriesBody } from './bodiless-methods';

/**
 * A method that a known path does not have is answered 405 with `Allow` (RFC 9110 §15.5.6) before
 * anything else is looked at: not its body, its Content-Type or its token, since the method is wrong
 * whatever they are. A body that came with it is never read, so its connection is closed. The
 * route found here is the one the request is routed by (RouteAuthGuard): matched once.
 */
export const refuseUnknownMethods: EdgeCheck = (request, response) => {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const decision = decideAtEdge(request.method ?? '', query === -1 ? url : url.slice(0, query));
  const refused = decision.refused;
  if (!refused) {
    if (decision.match) rememberEdgeMatch(request, decision.match);
    return false;
  }
  response.setHeader('Allow', refused.allow.join(', '));
  if (carriesBody(request)) response.setHeader('Connection', 'close');
  sendProblem(response, 405, 'method_not_allowed', 'Method not allowed', `${request.method} is not supported here.`);
  return true;
};

import { declaredRoutes, documentationGaps, openApiOfControllers } from '@leadgate/api-docs-publishing/testing';
import { GatewayController } from '@gateway/routing/gateway.controller';
import { SessionController } from '@gateway/sessions/session.controller';

describe('gateway admin OpenAPI (from the zod schemas)', () => {
  it('documents GET /v1/auth/session, and not the catch-all that forwards what the services document', async () => {
    const document = await openApiOfControllers([SessionController, GatewayController]);
    const routes = declaredRoutes([SessionController]);
    expect(routes).toEqual([{ method: 'get', path: '/v1/auth/session', readsBody: false }]);
    expect(documentationGaps(document, routes)).toEqual([]);
    expect(Object.keys(document.paths)).toEqual(['/v1/auth/session']);
  });
});

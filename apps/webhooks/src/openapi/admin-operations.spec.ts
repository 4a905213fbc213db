import { declaredRoutes, documentationGaps, openApiOfControllers } from '@leadgate/api-docs-publishing/testing';
import { AdminWebhooksController } from '@webhooks/subscriptions/admin-webhooks.controller';

describe('webhooks admin OpenAPI (from the zod schemas)', () => {
  it('documents the admin webhook routes (API.md §6, §12): one 2xx with schema and example, errors, security', async () => {
    const document = await openApiOfControllers([AdminWebhooksController]);
    const routes = declaredRoutes([AdminWebhooksController]);
    expect(routes).toEqual([
      { method: 'get', path: '/v1/admin/webhooks', readsBody: false },
      { method: 'get', path: '/v1/admin/tokens/{tokenId}/webhooks', readsBody: false },
      { method: 'post', path: '/v1/admin/tokens/{tokenId}/webhooks', readsBody: true },
    ]);
    expect(documentationGaps(document, routes)).toEqual([]);
    const create = document.paths['/v1/admin/tokens/{tokenId}/webhooks']?.['post'] as {
      responses: Record<string, unknown>;
    };
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '403', '404', '409', '422']));
  });
});

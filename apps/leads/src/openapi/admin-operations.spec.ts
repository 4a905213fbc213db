import { declaredRoutes, documentationGaps, openApiOfControllers } from '@leadgate/api-docs-publishing/testing';
import { AccessInsightController } from '@leads/access-insight/access-insight.controller';
import { QuarantineController } from '@leads/quarantine/quarantine.controller';

describe('leads admin OpenAPI (from the zod schemas)', () => {
  it('documents the quarantine routes: one 2xx with schema and example, error answers, security', async () => {
    const document = await openApiOfControllers([QuarantineController]);
    const routes = declaredRoutes([QuarantineController]);
    expect(routes).toHaveLength(3);
    expect(documentationGaps(document, routes)).toEqual([]);
  });

  it('documents the access insight routes (API.md §14) the same way', async () => {
    const document = await openApiOfControllers([AccessInsightController]);
    const routes = declaredRoutes([AccessInsightController]);
    expect(routes).toEqual([
      { method: 'post', path: '/v1/admin/campaigns/{campaignId}/filters/preview', readsBody: true },
      { method: 'get', path: '/v1/admin/campaigns/{campaignId}/leads/{leadId}/access', readsBody: false },
    ]);
    expect(documentationGaps(document, routes)).toEqual([]);
    const preview = document.paths['/v1/admin/campaigns/{campaignId}/filters/preview']?.['post'] as {
      operationId: string;
      responses: Record<string, unknown>;
    };
    expect(preview.operationId).toBe('previewFilter');
    expect(Object.keys(preview.responses).sort()).toEqual(['200', '400', '401', '403', '404', '413', '422', '429']);
    const access = document.paths['/v1/admin/campaigns/{campaignId}/leads/{leadId}/access']?.['get'] as {
      description: string;
    };
    expect(access.description).toContain('no webhooks service yet');
    expect(access.description).toContain('`tokens:read`');
  });
});

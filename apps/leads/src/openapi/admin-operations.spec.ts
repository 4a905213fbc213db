import { declaredRoutes, documentationGaps, openApiOfControllers } from '@leadgate/api-docs-publishing/testing';
import { QuarantineController } from '@leads/quarantine/quarantine.controller';

describe('leads admin OpenAPI (from the zod schemas)', () => {
  it('documents the quarantine routes: one 2xx with schema and example, error answers, security', async () => {
    const document = await openApiOfControllers([QuarantineController]);
    const routes = declaredRoutes([QuarantineController]);
    expect(routes).toHaveLength(3);
    expect(documentationGaps(document, routes)).toEqual([]);
  });
});

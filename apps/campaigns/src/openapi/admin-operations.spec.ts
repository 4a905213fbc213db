import { declaredRoutes, documentationGaps, openApiOfControllers } from '@leadgate/api-docs-publishing/testing';
import { FieldsController } from '@campaigns/campaign-schema/fields.controller';
import { ReceiverController } from '@campaigns/campaign-schema/receiver.controller';
import { RelationsController } from '@campaigns/campaign-schema/relations.controller';
import { SelectOptionsController } from '@campaigns/campaign-schema/select-options.controller';
import { SelectsController } from '@campaigns/campaign-schema/selects.controller';
import { StatusesController } from '@campaigns/campaign-schema/statuses.controller';
import { CampaignsController } from '@campaigns/campaigns/campaigns.controller';
import { FiltersController } from '@campaigns/filters/filters.controller';
import { Type } from '@nestjs/common';

/** Every admin controller of campaigns (API.md §6). */
const CONTROLLERS = [
  CampaignsController,
  FieldsController,
  SelectsController,
  SelectOptionsController,
  StatusesController,
  RelationsController,
  FiltersController,
  ReceiverController,
] as Type[];

describe('campaigns admin OpenAPI (from the zod schemas)', () => {
  it('documents every route: body when read, one 2xx with schema and example, error answers, security', async () => {
    const document = await openApiOfControllers(CONTROLLERS);
    const routes = declaredRoutes(CONTROLLERS);
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(documentationGaps(document, routes)).toEqual([]);
  });

  it('gives each schema piece its own operation ids and 409 on changes', async () => {
    const document = await openApiOfControllers(CONTROLLERS);
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation['operationId'] as string),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['addField', 'changeStatus', 'removeRelation', 'listSelects']));
    const add = document.paths['/v1/admin/campaigns/{campaignId}/fields']['post'] as {
      responses: Record<string, unknown>;
    };
    expect(Object.keys(add.responses)).toEqual(['201', '400', '401', '403', '404', '409', '413', '422', '429']);
  });
});

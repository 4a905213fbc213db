import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Type,
  UseGuards,
} from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { z } from 'zod';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { CampaignDocument } from '@campaigns/store/campaign.schema';
import { campaignViewExample, campaignViewSchema } from '@campaigns/store/campaign-view.schema';
import { CampaignChanges } from '@campaigns/store/campaigns.repository';
import { CampaignSchemaEditor } from './campaign-schema.editor';

export interface SchemaPieceRoutes<A extends z.ZodTypeAny, C extends z.ZodTypeAny> {
  /** The whole route path, written out where each controller is declared so a search for it finds the controller. */
  path: `v1/admin/campaigns/:campaignId/${'fields' | 'selects' | 'statuses' | 'relations'}`;
  list: (campaign: CampaignDocument) => unknown[];
  addBody: A;
  add: (campaign: CampaignDocument, body: z.infer<A>) => CampaignChanges;
  changeBody: C;
  change: (campaign: CampaignDocument, key: string, body: z.infer<C>) => CampaignChanges;
  remove: (campaign: CampaignDocument, key: string) => CampaignChanges;
  /** How the admin OpenAPI names and shows the piece; the bodies are `addBody` and `changeBody`. */
  docs: {
    /** Singular, capitalised, for operation ids and summaries: `Field`, `Select`, `Status`, `Relation`. */
    noun: string;
    item: z.ZodTypeAny;
    itemExample: unknown;
    addExample: z.input<A>;
    changeExample: z.input<C>;
    /** Fields only: live tokens' field access names them too (API.md §13). */
    usedByTokens?: boolean;
  };
}

/**
 * The four routes every kind of schema piece has (list, add, change, remove), each an admin call
 * that goes through the CampaignSchemaEditor. Changes answer the whole campaign, new version included.
 */
export function schemaPieceController<A extends z.ZodTypeAny, C extends z.ZodTypeAny>(
  routes: SchemaPieceRoutes<A, C>,
): Type<unknown> {
  const { docs } = routes;
  const lower = docs.noun.toLowerCase();
  const plural = docs.noun === 'Status' ? 'Statuses' : `${docs.noun}s`;
  const users = docs.usedByTokens ? 'a filter, or a live token\u2019s field access,' : 'a filter';
  const usersNamed = docs.usedByTokens
    ? 'the filter or the live tokens (field access) that use it'
    : 'the filter that uses it';
  const changedCampaign = {
    description: 'The whole campaign, with its new version.',
    schema: campaignViewSchema,
    example: campaignViewExample,
  };
  @Controller(routes.path)
  @UseGuards(InternalPrincipalGuard)
  class SchemaPieceController {
    constructor(readonly editor: CampaignSchemaEditor) {}

    @Get()
    @OperationDocs({
      operationId: `list${plural}`,
      summary: `List the campaign\u2019s ${lower}s`,
      description: `Every ${lower} of the campaign, in order.`,
      scope: 'campaigns:read',
      response: {
        status: 200,
        description: `The ${lower}s.`,
        schema: z.object({ data: z.array(docs.item) }),
        example: { data: [docs.itemExample] },
      },
    })
    async list(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
      authorizeAdmin(principal, 'campaigns:read');
      return { data: routes.list(await this.editor.find(principal, campaignId)) };
    }

    @Post()
    @HttpCode(HttpStatus.CREATED)
    @OperationDocs({
      operationId: `add${docs.noun}`,
      summary: `Add a ${lower}`,
      description: `Adds a ${lower} to the campaign\u2019s schema; a duplicate key is refused with 409.`,
      scope: 'campaigns:write',
      body: routes.addBody,
      bodyExample: docs.addExample,
      errors: [409],
      response: { status: 201, ...changedCampaign },
    })
    add(
      @CurrentPrincipal() principal: Principal,
      @Param('campaignId') campaignId: string,
      @Body(new ZodValidationPipe(routes.addBody)) body: z.infer<A>,
    ) {
      authorizeAdmin(principal, 'campaigns:write');
      return this.editor.edit(principal, campaignId, (campaign) => routes.add(campaign, body));
    }

    @Patch(':key')
    @OperationDocs({
      operationId: `change${docs.noun}`,
      summary: `Change a ${lower}`,
      description: `Changes a ${lower} of the campaign\u2019s schema; refused with 409 when ${users} would no longer fit.`,
      scope: 'campaigns:write',
      body: routes.changeBody,
      bodyExample: docs.changeExample,
      errors: [409],
      response: { status: 200, ...changedCampaign },
    })
    change(
      @CurrentPrincipal() principal: Principal,
      @Param('campaignId') campaignId: string,
      @Param('key') key: string,
      @Body(new ZodValidationPipe(routes.changeBody)) body: z.infer<C>,
    ) {
      authorizeAdmin(principal, 'campaigns:write');
      return this.editor.edit(principal, campaignId, (campaign) => routes.change(campaign, key, body));
    }

    @Delete(':key')
    @OperationDocs({
      operationId: `remove${docs.noun}`,
      summary: `Remove a ${lower}`,
      description: `Removes a ${lower} from the campaign\u2019s schema; refused with 409 naming ${usersNamed}.`,
      scope: 'campaigns:write',
      errors: [409],
      response: { status: 200, ...changedCampaign },
    })
    remove(
      @CurrentPrincipal() principal: Principal,
      @Param('campaignId') campaignId: string,
      @Param('key') key: string,
    ) {
      authorizeAdmin(principal, 'campaigns:write');
      return this.editor.edit(principal, campaignId, (campaign) => routes.remove(campaign, key));
    }
  }
  // `fieldsController` etc.: the class name is part of the admin OpenAPI operation ids, kept as they were.
  Object.defineProperty(SchemaPieceController, 'name', { value: `${routes.path.split('/').pop()}Controller` });
  return SchemaPieceController;
}

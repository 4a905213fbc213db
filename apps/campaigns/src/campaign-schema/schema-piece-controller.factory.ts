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
import { CampaignDocument } from '@campaigns/store/campaign.schema';
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
}

/**
 * The four routes every kind of schema piece has (list, add, change, remove), each an admin call
 * that goes through the CampaignSchemaEditor. Changes answer the whole campaign, new version included.
 */
export function schemaPieceController<A extends z.ZodTypeAny, C extends z.ZodTypeAny>(
  routes: SchemaPieceRoutes<A, C>,
): Type<unknown> {
  @Controller(routes.path)
  @UseGuards(InternalPrincipalGuard)
  class SchemaPieceController {
    constructor(readonly editor: CampaignSchemaEditor) {}

    @Get()
    async list(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
      authorizeAdmin(principal, 'campaigns:read');
      return { data: routes.list(await this.editor.find(principal, campaignId)) };
    }

    @Post()
    @HttpCode(HttpStatus.CREATED)
    add(
      @CurrentPrincipal() principal: Principal,
      @Param('campaignId') campaignId: string,
      @Body(new ZodValidationPipe(routes.addBody)) body: z.infer<A>,
    ) {
      authorizeAdmin(principal, 'campaigns:write');
      return this.editor.edit(principal, campaignId, (campaign) => routes.add(campaign, body));
    }

    @Patch(':key')
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

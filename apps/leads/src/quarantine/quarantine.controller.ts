import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { authorizeAdmin, CurrentPrincipal, InternalPrincipalGuard, Principal } from '@leadgate/service-kit';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import {
  quarantineListSchema,
  quarantineViewExample,
  releasedPostExample,
  releasedPostSchema,
} from './quarantine-view.schema';
import { QuarantineService } from './quarantine.service';

@Controller('v1/admin/quarantine')
@UseGuards(InternalPrincipalGuard)
export class QuarantineController {
  constructor(private readonly quarantine: QuarantineService) {}

  @Get()
  @OperationDocs({
    operationId: 'listQuarantine',
    summary: 'List quarantined receiver posts',
    description:
      'Posts the lead receiver refused for want of a valid token, held until an admin releases or discards them.',
    scope: 'leads:read',
    response: {
      status: 200,
      description: 'The held posts, the count and the quota.',
      schema: quarantineListSchema,
      example: { data: [quarantineViewExample], total: 1, quota: 10000 },
    },
  })
  list(@CurrentPrincipal() principal: Principal) {
    authorizeAdmin(principal, 'leads:read');
    return this.quarantine.list(principal);
  }

  @Post(':id/release')
  @HttpCode(HttpStatus.CREATED)
  @OperationDocs({
    operationId: 'releaseQuarantinedPost',
    summary: 'Release a quarantined post',
    description: 'Creates the lead the post would have made; 409 when its campaign no longer exists.',
    scope: 'leads:write',
    errors: [409],
    response: {
      status: 201,
      description: 'The lead it became.',
      schema: releasedPostSchema,
      example: releasedPostExample,
    },
  })
  release(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    authorizeAdmin(principal, 'leads:write');
    return this.quarantine.release(principal, id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @OperationDocs({
    operationId: 'discardQuarantinedPost',
    summary: 'Discard a quarantined post',
    description: 'The post is dropped and frees its place in the quota.',
    scope: 'leads:write',
    response: { status: 204, description: 'Discarded.' },
  })
  async discard(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    authorizeAdmin(principal, 'leads:write');
    await this.quarantine.discard(principal, id);
  }
}

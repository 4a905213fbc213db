import { Controller, Get, UseGuards } from '@nestjs/common';
import {
  ACCOUNT_PRESETS,
  CAMPAIGN_PERMISSION_SCOPES,
  SCOPE_CATALOGUE,
  SCOPE_GROUP_SCOPES,
  WILDCARD_SCOPES,
} from '@leadgate/auth-core';
import { CurrentPrincipal, InternalPrincipalGuard, Principal, requireAccountLevel } from '@leadgate/service-kit';

/** GET /v1/admin/scopes: what tokens and credentials can be made of (API.md §2). */
@Controller('v1/admin/scopes')
@UseGuards(InternalPrincipalGuard)
export class ScopesController {
  @Get()
  catalogue(@CurrentPrincipal() principal: Principal) {
    requireAccountLevel(principal);
    return {
      scopes: SCOPE_CATALOGUE,
      wildcards: WILDCARD_SCOPES,
      presets: ACCOUNT_PRESETS,
      campaign_permissions: CAMPAIGN_PERMISSION_SCOPES,
      scope_groups: SCOPE_GROUP_SCOPES,
    };
  }
}

import { Controller, Get, UseGuards } from '@nestjs/common';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { CurrentPrincipal, InternalPrincipalGuard, Principal, requireAccountLevel } from '@leadgate/service-kit';
import { SCOPE_CATALOGUE_ANSWER, scopeCatalogueSchema } from './scope-catalogue.schema';

/** GET /v1/admin/scopes: what tokens and credentials can be made of (API.md §2). */
@Controller('v1/admin/scopes')
@UseGuards(InternalPrincipalGuard)
export class ScopesController {
  @Get()
  @OperationDocs({
    operationId: 'getScopeCatalogue',
    summary: 'The scope catalogue and presets',
    description:
      'Every scope a token can hold, the wildcards, the account token presets, what campaign permissions expand to, ' +
      'and the client credential scope groups. Any account-level caller may read it.',
    response: {
      status: 200,
      description: 'The catalogue.',
      schema: scopeCatalogueSchema,
      example: SCOPE_CATALOGUE_ANSWER,
    },
  })
  catalogue(@CurrentPrincipal() principal: Principal) {
    requireAccountLevel(principal);
    return SCOPE_CATALOGUE_ANSWER;
  }
}

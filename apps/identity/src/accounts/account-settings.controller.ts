import { Body, Controller, Get, Patch, UseGuards } from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { accountStateV1 } from '@leadgate/contracts';

import { z } from 'zod';
import { AccountsService } from './accounts.service';

const accountSettingsSchema = z
  .object({ default_rate_limit_per_minute: z.number().int().min(1).max(1_000_000).nullable() })
  .strict();

const accountExample = {
  id: 'acc_2Hs8Kd0Wq5Pz',
  name: 'Acme Heat Pumps',
  default_rate_limit_per_minute: null,
  version: 1,
  updated_at: '2025-05-01T09:30:00.000Z',
};

/** Account-wide settings (`admin`): today the default per-token rate limit. */
@Controller('v1/admin/account')
@UseGuards(InternalPrincipalGuard)
export class AccountSettingsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @OperationDocs({
    operationId: 'getAccountSettings',
    summary: 'Read the account settings',
    description: 'The account\u2019s name and its default per-token rate limit.',
    scope: 'admin',
    response: { status: 200, description: 'The account.', schema: accountStateV1, example: accountExample },
  })
  get(@CurrentPrincipal() principal: Principal) {
    authorizeAdmin(principal, 'admin');
    return this.accounts.get(principal.account_id);
  }

  @Patch()
  @OperationDocs({
    operationId: 'updateAccountSettings',
    summary: 'Change the default per-token rate limit',
    description:
      'Requests a minute for tokens that set no limit of their own; null returns them to the platform default.',
    scope: 'admin',
    body: accountSettingsSchema,
    bodyExample: { default_rate_limit_per_minute: 600 },
    errors: [409],
    response: {
      status: 200,
      description: 'The changed account.',
      schema: accountStateV1,
      example: { ...accountExample, default_rate_limit_per_minute: 600, version: 2 },
    },
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(accountSettingsSchema)) body: z.infer<typeof accountSettingsSchema>,
  ) {
    authorizeAdmin(principal, 'admin');
    return this.accounts.setDefaultRateLimit(principal.account_id, body.default_rate_limit_per_minute);
  }
}

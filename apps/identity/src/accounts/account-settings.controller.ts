import { Body, Controller, Get, Patch, UseGuards } from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { z } from 'zod';
import { AccountsService } from './accounts.service';

const accountSettingsSchema = z
  .object({ default_rate_limit_per_minute: z.number().int().min(1).max(1_000_000).nullable() })
  .strict();

/** Account-wide settings (`admin`): today the default per-token rate limit. */
@Controller('v1/admin/account')
@UseGuards(InternalPrincipalGuard)
export class AccountSettingsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  get(@CurrentPrincipal() principal: Principal) {
    authorizeAdmin(principal, 'admin');
    return this.accounts.get(principal.account_id);
  }

  @Patch()
  update(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(accountSettingsSchema)) body: z.infer<typeof accountSettingsSchema>,
  ) {
    authorizeAdmin(principal, 'admin');
    return this.accounts.setDefaultRateLimit(principal.account_id, body.default_rate_limit_per_minute);
  }
}

import { Body, Controller, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import {
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ProblemException,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import type { Response } from 'express';
import { z } from 'zod';
import { emailSchema, passwordSchema } from '@identity/users/dto/user-bodies';
import { AccountsService, BootstrappedAccount } from './accounts.service';

const bootstrapSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    // The account's first owner, a person who signs in to the console (API.md §11); both or neither.
    owner_email: emailSchema.optional(),
    owner_password: passwordSchema.optional(),
  })
  .strict()
  .refine((body) => (body.owner_email === undefined) === (body.owner_password === undefined), {
    message: 'give owner_email and owner_password together',
    path: ['owner_password'],
  });

/** The scope only operator tools hold; it is not in the public catalogue and no token can carry it. */
export const BOOTSTRAP_SCOPE = 'platform:bootstrap';

/**
 * Account bootstrap for operators (`npm run leadgate -- bootstrap`). Not routed by the gateway:
 * the operator's CLI signs with the platform's internal key, which only operators hold.
 */
@Controller('internal/accounts')
@UseGuards(InternalPrincipalGuard)
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  bootstrap(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(bootstrapSchema)) body: z.infer<typeof bootstrapSchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BootstrappedAccount> {
    if (principal.kind !== 'service' || !principal.scopes.includes(BOOTSTRAP_SCOPE)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Forbidden', 'Operators only.');
    }
    response.setHeader('Cache-Control', 'no-store');
    const owner =
      body.owner_email && body.owner_password ? { email: body.owner_email, password: body.owner_password } : null;
    return this.accounts.bootstrap(body.name, principal.token_id, owner);
  }
}

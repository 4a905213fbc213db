import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { authorizeAdmin, CurrentPrincipal, InternalPrincipalGuard, Principal } from '@leadgate/service-kit';
import { QuarantineService } from './quarantine.service';

@Controller('v1/admin/quarantine')
@UseGuards(InternalPrincipalGuard)
export class QuarantineController {
  constructor(private readonly quarantine: QuarantineService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    authorizeAdmin(principal, 'leads:read');
    return this.quarantine.list(principal);
  }

  @Post(':id/release')
  @HttpCode(HttpStatus.CREATED)
  release(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    authorizeAdmin(principal, 'leads:write');
    return this.quarantine.release(principal, id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async discard(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    authorizeAdmin(principal, 'leads:write');
    await this.quarantine.discard(principal, id);
  }
}

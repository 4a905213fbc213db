import { Controller, Get, HttpStatus, Query, UseGuards } from '@nestjs/common';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { AuditEntryV1 } from '@leadgate/contracts';
import {
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ProblemException,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { requireOperation } from '@identity/privilege/privilege-rule';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import { AuditLogRepository } from './audit-log.repository';
import { AuditPageQuery, auditPageExample, auditPageQuerySchema, auditPageSchema } from './audit-log-view.schema';

/** `GET /v1/admin/audit` (API.md §11): the account's changes, newest first, a page at a time. */
@Controller('v1/admin/audit')
@UseGuards(InternalPrincipalGuard)
export class AuditLogController {
  constructor(private readonly log: AuditLogRepository) {}

  @Get()
  @OperationDocs({
    operationId: 'listAuditEntries',
    summary: 'Read the audit log',
    description:
      'Every change made in the account (admin API, sign-in and sign-out), newest first: who (token, access ' +
      'token or person, with its name), what (action and target), when, the request id and the caller\u2019s ' +
      'address. Append-only; never a secret. Entries appear within moments of the change.',
    scope: 'audit:read',
    response: { status: 200, description: 'A page of entries.', schema: auditPageSchema, example: auditPageExample },
  })
  async page(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(auditPageQuerySchema)) query: AuditPageQuery,
  ): Promise<{ data: AuditEntryV1[]; next_cursor: string | null }> {
    requireOperation(principal, 'audit:read');
    const after = query.cursor === undefined ? null : decodeAuditCursor(query.cursor);
    if (query.cursor !== undefined && after === null) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'bad_query',
        'Bad query',
        'cursor is not a cursor this API gave out.',
      );
    }
    const entries = await this.log.page(principal.account_id, after, query.limit + 1);
    const page = entries.slice(0, query.limit).map(({ _id, ...entry }) => ({ id: _id, ...entry }));
    const last = page[page.length - 1];
    return {
      data: page,
      next_cursor: entries.length > query.limit && last ? encodeAuditCursor({ at: last.at, id: last.id }) : null,
    };
  }
}

import { Controller, Get, HttpStatus, Param, Res, UseGuards } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';
import { InternalPrincipalGuard, ProblemException } from '@leadgate/service-kit';
import type { Response } from 'express';
import { renderAdminDocsPage } from './admin-docs.page';
import { AdminOpenApi, buildAdminOpenApi } from './admin-openapi';

const BASE_PATH = '/docs/admin';

function noStore(response: Response): void {
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
}

/**
 * `GET /docs/admin` and `/docs/admin/openapi.json`: the admin API, merged on every request from
 * the OpenAPI documents the services build from their own code (read model of `platform.api-docs.v1`).
 */
@Controller(BASE_PATH)
@UseGuards(InternalPrincipalGuard)
export class AdminDocsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  page(@Res() response: Response): void {
    noStore(response);
    response.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    response.type('text/html; charset=utf-8').send(renderAdminDocsPage(this.document(), BASE_PATH));
  }

  @Get(':document')
  openApi(@Param('document') name: string, @Res() response: Response): void {
    if (name !== 'openapi.json') {
      throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such document.');
    }
    noStore(response);
    response.type('application/json; charset=utf-8').send(JSON.stringify(this.document(), null, 2));
  }

  private document(): AdminOpenApi {
    return buildAdminOpenApi(this.readModels.of(TOPICS.platformApiDocs).values());
  }
}

import { Controller, Get, HttpStatus, Param, Res, UseGuards } from '@nestjs/common';
import {
  buildOpenApi,
  buildPostman,
  buildTokenAsyncApi,
  DOCS_PAGE_CSP,
  renderDocsPage,
  toYaml,
  TokenDocsInput,
} from '@leadgate/api-docs';
import { InternalPrincipalGuard, ProblemException } from '@leadgate/service-kit';
import type { Response } from 'express';
import { TokenDocsService } from './token-docs.service';

const notFound = () =>
  new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No documentation lives at this address.');

/** Never cached (changes show at once), never sniffed. The page's CSP (no script, its one style by hash) is DOCS_PAGE_CSP. */
function noStore(response: Response): void {
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
}

/**
 * The per-token public documentation (API.md §7): `GET /docs/p/{docsKey}` and the machine-readable
 * documents beside it, built on every request from the read models.
 */
@Controller('docs/p/:docsKey')
@UseGuards(InternalPrincipalGuard)
export class TokenDocsController {
  constructor(private readonly docs: TokenDocsService) {}

  @Get()
  page(@Param('docsKey') docsKey: string, @Res() response: Response): void {
    const input = this.find(docsKey);
    noStore(response);
    response.setHeader('Content-Security-Policy', DOCS_PAGE_CSP);
    response.type('text/html; charset=utf-8').send(renderDocsPage(input, `/docs/p/${encodeURIComponent(docsKey)}`));
  }

  @Get(':document')
  document(@Param('docsKey') docsKey: string, @Param('document') document: string, @Res() response: Response): void {
    if (!['openapi.json', 'openapi.yaml', 'postman.json', 'asyncapi.json'].includes(document)) throw notFound();
    const input = this.find(docsKey);
    noStore(response);
    if (document === 'asyncapi.json') {
      // A token that reads no leads has no events to receive: nothing lives at this address for it.
      const asyncApi = buildTokenAsyncApi(input);
      if (!asyncApi) throw notFound();
      response.type('application/json; charset=utf-8').send(JSON.stringify(asyncApi, null, 2));
      return;
    }
    if (document === 'openapi.yaml') {
      response.type('application/yaml; charset=utf-8').send(toYaml(buildOpenApi(input)));
      return;
    }
    const body = document === 'openapi.json' ? buildOpenApi(input) : buildPostman(input);
    response.type('application/json; charset=utf-8').send(JSON.stringify(body, null, 2));
  }

  private find(docsKey: string): TokenDocsInput {
    const input = /^[A-Za-z0-9_-]{20,64}$/.test(docsKey) ? this.docs.resolve(docsKey) : null;
    if (!input) throw notFound();
    return input;
  }
}

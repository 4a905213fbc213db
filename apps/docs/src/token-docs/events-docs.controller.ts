import { Controller, Get, HttpStatus, Param, Res, UseGuards } from '@nestjs/common';
import { buildAsyncApi, toYaml } from '@leadgate/api-docs';
import { InternalPrincipalGuard, ProblemException } from '@leadgate/service-kit';
import type { Response } from 'express';

/** `GET /docs/events/asyncapi.json` (and `.yaml`): AsyncAPI 3 for `leads.events.v1` (API.md §8). */
@Controller('docs/events')
@UseGuards(InternalPrincipalGuard)
export class EventsDocsController {
  private readonly document = buildAsyncApi();

  @Get(':document')
  asyncApi(@Param('document') name: string, @Res() response: Response): void {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (name === 'asyncapi.json') {
      response.type('application/json; charset=utf-8').send(JSON.stringify(this.document, null, 2));
    } else if (name === 'asyncapi.yaml') {
      response.type('application/yaml; charset=utf-8').send(toYaml(this.document));
    } else {
      throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such document.');
    }
  }
}

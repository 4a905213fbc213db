import { Controller, Get, HttpStatus, Param, UseGuards } from '@nestjs/common';
import { TopicName } from '@leadgate/contracts';
import {
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ProblemException,
  requireScope,
} from '@leadgate/service-kit';
import { ReadModels } from './read-models';

/**
 * Operator view of this replica's read models: status and fingerprint of each, and one entry by
 * key. Behind the signed-principal guard and the `admin` scope, since entries are account data.
 */
@Controller('internal/read-models')
@UseGuards(InternalPrincipalGuard)
export class ReadModelsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    requireScope(principal, 'admin');
    return {
      data: this.readModels.all().map((reader) => ({ ...reader.status(), fingerprint: reader.fingerprint() })),
    };
  }

  @Get(':topic/:key')
  entry(@CurrentPrincipal() principal: Principal, @Param('topic') topic: string, @Param('key') key: string) {
    requireScope(principal, 'admin');
    const value = this.readModels.has(topic as TopicName) ? this.readModels.of(topic as TopicName).get(key) : undefined;
    if (value === undefined) {
      throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such entry in this read model.');
    }
    return value;
  }
}

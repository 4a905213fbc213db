// @ts-check
// Second reference for the edge cost: the same fixed answer from a bare NestJS 11 app on the HTTP
// adapter the gateway runs on (Fastify), with no auth, no logging, no metrics, so the report can
// tell the framework's cost from ours.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

const port = Number(process.argv[2]);
const body = {
  token_id: 'tok_reference',
  kind: 'account',
  account_id: 'acc_reference',
  scopes: ['admin'],
  campaign_id: null,
  filter_id: null,
  rate_limit: { limit: 1200, remaining: 1199, reset_seconds: 60 },
};

class MeController {
  me() {
    return body;
  }
}
// Decorators applied by hand: this file is plain JavaScript.
Get('me')(
  MeController.prototype,
  'me',
  /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(MeController.prototype, 'me')),
);
Controller('v1')(MeController);
class ReferenceModule {}
Module({ controllers: [MeController] })(ReferenceModule);

const app = await NestFactory.create(ReferenceModule, new FastifyAdapter(), { logger: false });
await app.listen(port, '127.0.0.1');
process.stdout.write('listening\n');

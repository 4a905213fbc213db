import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { InternalPrincipalGuard, SERVICE_CONFIG } from '@leadgate/service-kit';
import type { Response } from 'express';
import { IdentityConfig } from '@identity/config';
import {
  AuthorizationServerMetadata,
  authorizationServerMetadata,
  authorizationServerMetadataSchema,
} from './oauth-metadata';

/** GET /.well-known/oauth-authorization-server (RFC 8414), public: what OAuth2 client libraries discover. */
@Controller('.well-known')
@UseGuards(InternalPrincipalGuard)
export class OAuthMetadataController {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: IdentityConfig) {}

  @Get('oauth-authorization-server')
  @OperationDocs({
    operationId: 'getAuthorizationServerMetadata',
    summary: 'OAuth2 server metadata (RFC 8414)',
    description:
      'The issuer and the token, revocation and introspection endpoints, the client authentication methods and the ' +
      'scopes a client credential can be granted. Public.',
    tag: 'oauth',
    auth: 'public',
    response: {
      status: 200,
      description: 'The metadata.',
      schema: authorizationServerMetadataSchema,
      example: authorizationServerMetadata('https://api.example.com'),
    },
  })
  get(@Res({ passthrough: true }) response: Response): AuthorizationServerMetadata {
    response.setHeader('Cache-Control', 'public, max-age=3600');
    return authorizationServerMetadata(this.config.PUBLIC_BASE_URL);
  }
}

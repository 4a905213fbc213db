import { declaredRoutes, documentationGaps, openApiOfControllers } from '@leadgate/api-docs-publishing/testing';
import { AccountSettingsController } from '@identity/accounts/account-settings.controller';
import { CredentialsController } from '@identity/credentials/credentials.controller';
import { OAuthController } from '@identity/oauth/oauth.controller';
import { ScopesController } from '@identity/scopes/scopes.controller';
import { AuditLogController } from '@identity/audit-log/audit-log.controller';
import { AuthController } from '@identity/sessions/auth.controller';
import { AccountTokensController } from '@identity/tokens/account-tokens.controller';
import { UsersController } from '@identity/users/users.controller';
import { CampaignTokensController } from '@identity/tokens/campaign-tokens.controller';
import { createAccountTokenSchema } from '@identity/tokens/dto/token-bodies';

/** Every public controller of identity: the admin API and OAuth2 (API.md §5, §6). */
const CONTROLLERS = [
  AccountTokensController,
  CampaignTokensController,
  CredentialsController,
  OAuthController,
  ScopesController,
  AccountSettingsController,
  UsersController,
  AuthController,
  AuditLogController,
];

describe('identity admin OpenAPI (from the zod schemas)', () => {
  it('documents every route: body when read, one 2xx with schema and example, error answers, security', async () => {
    const document = await openApiOfControllers(CONTROLLERS);
    const routes = declaredRoutes(CONTROLLERS);
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(documentationGaps(document, routes)).toEqual([]);
  });

  it('takes the request body from the schema the controller validates with', async () => {
    const document = await openApiOfControllers([AccountTokensController]);
    const body = document.paths['/v1/admin/tokens']['post']['requestBody'] as {
      content: Record<string, { schema: { properties: Record<string, unknown>; additionalProperties?: boolean } }>;
    };
    const schema = body.content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(
      Object.keys(createAccountTokenSchema._def.schema.shape).sort(),
    );
    expect(schema.additionalProperties).toBe(false);
  });

  it('answers RFC 6749 JSON errors on the OAuth2 endpoints and problem+json on admin routes', async () => {
    const document = await openApiOfControllers([OAuthController, AccountTokensController]);
    const token = document.paths['/oauth/token']['post'] as { responses: Record<string, { $ref?: string }> };
    expect(token.responses['400']?.$ref).toBe('#/components/responses/OAuthBadRequest');
    expect(token.responses['401']?.$ref).toBe('#/components/responses/OAuthError');
    const responses = document.components.responses as Record<string, { content: Record<string, unknown> }>;
    expect(Object.keys(responses['OAuthError'].content)).toEqual(['application/json']);
    const revoke = document.paths['/v1/admin/tokens/{id}/revoke']['post'] as {
      responses: Record<string, { $ref?: string }>;
      security: unknown[];
    };
    expect(revoke.responses['403']?.$ref).toBe('#/components/responses/InsufficientScope');
    expect(Object.keys(responses['InsufficientScope'].content)).toEqual(['application/problem+json']);
    expect(revoke.security).toContainEqual({ oauth2: ['tokens:write'] });
  });
});

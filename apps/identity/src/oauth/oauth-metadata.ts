import { SCOPE_GROUP_NAMES, scopesForGroups } from '@leadgate/auth-core';
import { z } from 'zod';

const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'];

export const authorizationServerMetadataSchema = z.object({
  issuer: z.string(),
  token_endpoint: z.string(),
  revocation_endpoint: z.string(),
  introspection_endpoint: z.string(),
  grant_types_supported: z.array(z.string()),
  response_types_supported: z.array(z.string()),
  token_endpoint_auth_methods_supported: z.array(z.string()),
  revocation_endpoint_auth_methods_supported: z.array(z.string()),
  introspection_endpoint_auth_methods_supported: z.array(z.string()),
  scopes_supported: z.array(z.string()),
});

export type AuthorizationServerMetadata = z.infer<typeof authorizationServerMetadataSchema>;

/**
 * RFC 8414 metadata of the platform's OAuth2 server, at its public address: client credentials only
 * (no authorization endpoint, so no response types), clients authenticating with their secret by
 * HTTP Basic or in the form, and the scopes a credential's scope groups can grant. Revocation and
 * introspection also take an admin Bearer token, which RFC 8414 has no name for.
 */
export function authorizationServerMetadata(publicBaseUrl: string): AuthorizationServerMetadata {
  const issuer = publicBaseUrl.replace(/\/+$/, '');
  return {
    issuer,
    token_endpoint: `${issuer}/oauth/token`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    introspection_endpoint: `${issuer}/oauth/introspect`,
    grant_types_supported: ['client_credentials'],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    revocation_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    introspection_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    scopes_supported: scopesForGroups(SCOPE_GROUP_NAMES),
  };
}

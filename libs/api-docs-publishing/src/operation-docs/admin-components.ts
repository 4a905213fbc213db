import { PROBLEM_SCHEMA as PARTNER_PROBLEM_SCHEMA } from '@leadgate/api-docs';
import { SCOPE_CATALOGUE } from '@leadgate/auth-core';

type Json = Record<string, unknown>;

/**
 * RFC 9457 problem details: every admin error (API.md §9). The partner docs' schema (libs/api-docs),
 * so both documents describe the one shape the platform sends, `type` as the problem's URI.
 */
export const PROBLEM_SCHEMA: Json = {
  ...PARTNER_PROBLEM_SCHEMA,
  description: 'RFC 9457 problem details, sent as `application/problem+json`.',
};

/** RFC 6749 §5.2: the error answer of the OAuth2 endpoints (not problem+json, ADR 006). */
export const OAUTH_ERROR_SCHEMA: Json = {
  type: 'object',
  description: 'RFC 6749 §5.2 error response, sent as `application/json`.',
  required: ['error'],
  properties: {
    error: {
      type: 'string',
      enum: [
        'invalid_request',
        'invalid_client',
        'invalid_grant',
        'unauthorized_client',
        'unsupported_grant_type',
        'invalid_scope',
        'unsupported_token_type',
      ],
    },
    error_description: { type: 'string' },
  },
};

interface ErrorAnswer {
  name: string;
  description: string;
  type: string;
  example?: Json;
}

/** The problem answers every admin operation may give, by status. */
export const PROBLEM_ANSWERS: Record<number, ErrorAnswer> = {
  400: {
    name: 'BadRequest',
    type: 'bad_request',
    description: 'Malformed JSON, JSON nested too deep, or a token in the query string.',
  },
  401: {
    name: 'Unauthorized',
    type: 'invalid_token',
    description:
      'Missing, malformed, unknown, expired or revoked token (`WWW-Authenticate: Bearer error="invalid_token"`).',
  },
  403: {
    name: 'InsufficientScope',
    type: 'insufficient_scope',
    description:
      'The caller lacks the scope the operation needs (or, for a session, the `X-CSRF-Token` header); the problem names the scope.',
  },
  404: { name: 'NotFound', type: 'not_found', description: 'No such resource in the caller\u2019s account.' },
  409: {
    name: 'Conflict',
    type: 'conflict',
    description: 'The change conflicts with the current state (e.g. something still uses it, or a duplicate key).',
  },
  413: { name: 'PayloadTooLarge', type: 'payload_too_large', description: 'The body is over the size limit.' },
  422: {
    name: 'ValidationFailed',
    type: 'validation_failed',
    description: 'The body is not valid; `errors` lists each problem with its path.',
  },
  429: {
    name: 'TooManyRequests',
    type: 'rate_limited',
    description: 'Rate limit of the token exceeded; see `Retry-After` and the `RateLimit-*` headers.',
  },
};

function problemExample(status: number, answer: ErrorAnswer): Json {
  const example: Json = {
    type: answer.type,
    title: answer.name.replace(/([a-z])([A-Z])/g, '$1 $2'),
    status,
    detail: answer.description,
  };
  if (status === 422) example['errors'] = [{ path: 'name', message: 'Required' }];
  return example;
}

/** `components.responses`: one reusable problem answer per status, and the OAuth2 error answer. */
export function errorResponseComponents(): Record<string, Json> {
  const responses: Record<string, Json> = {};
  for (const [status, answer] of Object.entries(PROBLEM_ANSWERS)) {
    responses[answer.name] = {
      description: answer.description,
      content: {
        'application/problem+json': {
          schema: { $ref: '#/components/schemas/Problem' },
          example: problemExample(Number(status), answer),
        },
      },
    };
  }
  responses['OAuthError'] = {
    description: 'The OAuth2 request failed (RFC 6749 §5.2).',
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/OAuthError' },
        example: { error: 'invalid_client', error_description: 'Client authentication failed.' },
      },
    },
  };
  // Client authentication refused is RFC 6749 JSON from identity; a Bearer token the gateway refuses
  // (unknown, expired, revoked) is problem+json, before identity sees the call.
  responses['OAuthOrBearerUnauthorized'] = {
    description:
      'Client authentication failed (RFC 6749 §5.2 `invalid_client`), or the Bearer token is missing, unknown, expired or revoked (problem+json).',
    content: {
      ...(responses['OAuthError'] as { content: Json }).content,
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    },
  };
  // A body the platform cannot read at all (not JSON or a form, nested too deep) is refused before
  // the OAuth2 endpoint sees it, as problem+json; what the endpoint refuses is RFC 6749 JSON.
  responses['OAuthBadRequest'] = {
    description: 'The OAuth2 request is invalid (RFC 6749 §5.2), or its body could not be read at all (problem+json).',
    content: {
      ...(responses['OAuthError'] as { content: Json }).content,
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    },
  };
  return responses;
}

/** Bearer API tokens, the console session cookie, OAuth2 client credentials, and the client's own Basic authentication. */
export function securitySchemes(): Json {
  return {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description: 'An account-level API token (`lgt_...`), or an access token from `/oauth/token`.',
    },
    session: {
      type: 'apiKey',
      in: 'cookie',
      name: 'leadgate_session',
      description:
        'The console session cookie from `POST /v1/auth/login` (API.md §11). Unsafe methods (POST, PUT, PATCH, DELETE) ' +
        'also need the header `X-CSRF-Token` with the session\u2019s token.',
    },
    oauth2: {
      type: 'oauth2',
      description: 'OAuth2 client credentials (RFC 6749 §4.4): exchange a client id and secret for an access token.',
      flows: {
        clientCredentials: {
          tokenUrl: '/oauth/token',
          scopes: Object.fromEntries(SCOPE_CATALOGUE.map((entry) => [entry.scope, entry.description])),
        },
      },
    },
    clientBasic: {
      type: 'http',
      scheme: 'basic',
      description: 'OAuth2 client id and secret (or `client_id`/`client_secret` in the form body).',
    },
  };
}

/** What every service document and the merged admin document carry in `components`. */
export function adminComponents(): {
  schemas: Record<string, Json>;
  responses: Record<string, Json>;
  securitySchemes: Json;
} {
  return {
    schemas: { Problem: PROBLEM_SCHEMA, OAuthError: OAUTH_ERROR_SCHEMA },
    responses: errorResponseComponents(),
    securitySchemes: securitySchemes(),
  };
}

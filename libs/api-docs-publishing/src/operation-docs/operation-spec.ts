import { z } from 'zod';

/** Examples may be constants (`as const`): read-only all the way down. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * Who may call the operation: admin callers (token, session, OAuth2 access token) with problem+json
 * errors; an OAuth2 client, or either, with RFC 6749 errors; or an admin caller of an OAuth2
 * endpoint (RFC 6749 errors from the endpoint, problem+json from the gateway); anyone (sign-in,
 * accepting an invitation); or only a console session (sign-out).
 */
export type OperationAuth = 'admin' | 'oauth-client' | 'oauth-client-or-admin' | 'admin-oauth' | 'public' | 'session';

/**
 * The whole documentation of one operation, given where the controller method is declared. The
 * request body is the very zod schema the controller validates with; the answer is the zod schema
 * of the view it returns, with an example that must satisfy it.
 */
export interface OperationSpec<B extends z.ZodTypeAny = z.ZodTypeAny, R extends z.ZodTypeAny = z.ZodTypeAny> {
  /** Unique across the admin API, camelCase: the name generated clients use. */
  operationId: string;
  summary: string;
  description: string;
  /** Where the operation is listed; by default the resource after `/v1/admin/`. */
  tag?: string;
  /** The scope the caller needs (`admin` holds every scope); named in the description and the OAuth2 requirement. */
  scope?: string;
  auth?: OperationAuth;
  body?: B;
  bodyExample?: DeepReadonly<z.input<B>>;
  /** `application/json` unless said otherwise (the OAuth2 endpoints take forms too). */
  bodyMediaTypes?: string[];
  response: {
    status: number;
    description: string;
    /** No schema: an answer without a body (204). */
    schema?: R;
    example?: DeepReadonly<z.input<R>>;
  };
  /** Error statuses beyond those every operation has (400, 401, 403, 429; 404 with path parameters; 413, 422 with a body). */
  errors?: number[];
}

/** What the decorator stores (plain JSON, converted once) under this operation extension. */
export const OPERATION_EXTENSION = 'x-leadgate-operation';

export interface StoredOperation {
  operationId: string;
  summary: string;
  description: string;
  tag?: string;
  scope?: string;
  auth: OperationAuth;
  requestBody?: Record<string, unknown>;
  success: { status: number; response: Record<string, unknown> };
  errors: number[];
}

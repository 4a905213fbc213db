import { z } from 'zod';
import { isoDateTimeSchema } from './ids';

/** Largest OpenAPI text a service may publish: stays under the broker's default 1 MB record limit. */
export const API_DOCS_MAX_CHARS = 900_000;

/**
 * Value of `platform.api-docs.v1`, keyed by service name: the OpenAPI document a service builds
 * from its own controllers at boot (`@nestjs/swagger`), as JSON text. The docs service merges them.
 */
export const apiDocsStateV1 = z.object({
  service: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case service name'),
  version: z.string().min(1).max(100),
  openapi: z
    .string()
    .min(2)
    .max(API_DOCS_MAX_CHARS)
    .refine((text) => {
      try {
        const parsed: unknown = JSON.parse(text);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
      } catch {
        return false;
      }
    }, 'must be the JSON text of an OpenAPI document'),
  published_at: isoDateTimeSchema,
});

export type ApiDocsStateV1 = z.infer<typeof apiDocsStateV1>;

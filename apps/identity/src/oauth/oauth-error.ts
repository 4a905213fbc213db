import { HttpException } from '@nestjs/common';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_token_type';

/**
 * OAuth endpoints answer errors in the shape RFC 6749 §5.2 requires (`error`, `error_description`,
 * application/json), which is what OAuth client libraries parse. The RFC 9457 fields are added
 * beside them so the platform's error shape still holds (docs/adr/006-oauth-error-shape.md).
 */
export class OAuthError extends HttpException {
  constructor(
    readonly code: OAuthErrorCode,
    status: number,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super({ error: code, error_description: description }, status);
  }

  body(instance: string) {
    return {
      error: this.code,
      error_description: this.description,
      type: `https://leadgate.dev/problems/oauth/${this.code}`,
      title: this.code,
      status: this.getStatus(),
      detail: this.description,
      instance,
    };
  }
}

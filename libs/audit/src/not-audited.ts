import { SetMetadata } from '@nestjs/common';

/** Route metadata: the handler changes nothing, whatever its method, so the audit log skips it. */
export const NOT_AUDITED = 'leadgate:not-audited';

/**
 * Marks an admin handler that reads although it is a `POST` (a preview, a search with a body):
 * the audit interceptor records mutations, and this one is not. The reason is kept as the
 * metadata value, so the exemption says why where it is declared.
 *
 * ```ts
 * @Post('filters/preview')
 * @NotAudited('previews a condition; nothing is stored')
 * ```
 */
export const NotAudited = (reason: string): MethodDecorator & ClassDecorator => SetMetadata(NOT_AUDITED, reason);

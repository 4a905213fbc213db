import { HttpStatus, PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { ProblemException } from '@leadgate/service-kit/errors/problem';

/**
 * Validates a request body against a zod schema. Unknown keys are refused (schemas are strict),
 * and every problem is listed with its path: 422 validation_failed.
 */
export class ZodValidationPipe<S extends z.ZodTypeAny> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data as z.infer<S>;
    throw new ProblemException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'validation_failed',
      'Validation failed',
      'The request body has problems; see errors.',
      result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message })),
    );
  }
}

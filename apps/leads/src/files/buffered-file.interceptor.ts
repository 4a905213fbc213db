import { CallHandler, ExecutionContext, HttpStatus, mixin, NestInterceptor, Type } from '@nestjs/common';
import { ProblemException, rawBodyOf } from '@leadgate/service-kit';
import busboy from 'busboy';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { UploadedFile } from './lead-files.service';

/**
 * FileInterceptor's job for a body that is already in memory: the service reads every body once
 * (its digest is checked against the signed principal), so multipart is parsed from those bytes
 * with busboy, multer's own parser. Sets request.file (for @UploadedFile()) from the field
 * `field`: larger than maxBytes → 413; no such field → no file (the handler answers 422).
 */
export function BufferedFileInterceptor(field: string, maxBytes: number): Type<NestInterceptor> {
  class Interceptor implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request & { file?: UploadedFile }>();
      const raw = rawBodyOf(request);
      if (raw && request.is('multipart/form-data')) request.file = await readFile(request, raw, field, maxBytes);
      return next.handle();
    }
  }
  return mixin(Interceptor);
}

function readFile(request: Request, raw: Buffer, field: string, maxBytes: number): Promise<UploadedFile | undefined> {
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers: request.headers, limits: { fileSize: maxBytes, files: 1, fields: 10 } });
    } catch {
      return reject(malformed());
    }
    let file: UploadedFile | undefined;
    let tooLarge = false;
    parser.on('file', (name, stream, info) => {
      if (name !== field) return void stream.resume();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (tooLarge = true));
      stream.on('end', () => {
        const buffer = Buffer.concat(chunks);
        file = { originalname: info.filename, mimetype: info.mimeType, size: buffer.length, buffer };
      });
    });
    parser.on('error', () => reject(malformed()));
    parser.on('close', () => {
      if (tooLarge) {
        reject(
          new ProblemException(
            HttpStatus.PAYLOAD_TOO_LARGE,
            'payload_too_large',
            'Request body too large',
            `A file may be at most ${maxBytes} bytes.`,
          ),
        );
      } else resolve(file);
    });
    parser.end(raw);
  });
}

function malformed(): ProblemException {
  return new ProblemException(
    HttpStatus.BAD_REQUEST,
    'malformed_body',
    'Malformed request body',
    'The multipart body could not be parsed.',
  );
}

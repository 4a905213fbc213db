import { ExecutionContext } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit';
import { lastValueFrom, of } from 'rxjs';
import { BufferedFileInterceptor } from './buffered-file.interceptor';
import { UploadedFile } from './lead-files.service';

/** A multipart body as a client sends it, already read whole by the service's body parsing. */
async function multipart(parts: Record<string, Blob | string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, 'quote.txt');
  }
  const response = new Response(form);
  const request = {
    headers: { 'content-type': response.headers.get('content-type') ?? '' },
    rawBody: Buffer.from(await response.arrayBuffer()),
    is: (type: string) => (type === 'multipart/form-data' ? type : false),
  } as unknown as { file?: UploadedFile };
  return request;
}

async function intercept(request: object, maxBytes = 100): Promise<UploadedFile | undefined> {
  const Interceptor = BufferedFileInterceptor('file', maxBytes);
  const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
  await lastValueFrom(await new Interceptor().intercept(context, { handle: () => of(null) }));
  return (request as { file?: UploadedFile }).file;
}

describe('BufferedFileInterceptor', () => {
  it('takes the file of field "file" from the buffered multipart body', async () => {
    const file = await intercept(
      await multipart({ note: 'x', file: new Blob(['hello, leadgate'], { type: 'text/plain' }) }),
    );
    expect(file).toMatchObject({ originalname: 'quote.txt', mimetype: 'text/plain', size: 15 });
    expect(file?.buffer.toString()).toBe('hello, leadgate');
  });

  it('leaves the file unset when the field is missing (the handler answers 422)', async () => {
    expect(await intercept(await multipart({ other: new Blob(['x']) }))).toBeUndefined();
  });

  it('answers 413 for a file over the limit', async () => {
    const error = await intercept(await multipart({ file: new Blob(['x'.repeat(101)]) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).getStatus()).toBe(413);
  });

  it('answers 400 for a body that is not multipart as it claims', async () => {
    const request = { headers: { 'content-type': 'multipart/form-data' }, rawBody: Buffer.from('x'), is: () => true };
    const error = await intercept(request).catch((e: unknown) => e);
    expect((error as ProblemException).getStatus()).toBe(400);
  });
});

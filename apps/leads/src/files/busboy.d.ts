// busboy ships no types (it is multer's parser); the little of its API the upload reader uses.
declare module 'busboy' {
  import type { IncomingHttpHeaders } from 'node:http';
  import type { Readable, Writable } from 'node:stream';

  interface FileInfo {
    filename: string;
    encoding: string;
    mimeType: string;
  }
  interface Limits {
    fileSize?: number;
    files?: number;
    fields?: number;
    parts?: number;
  }
  interface Busboy extends Writable {
    on(
      event: 'file',
      listener: (name: string, stream: Readable & { truncated?: boolean }, info: FileInfo) => void,
    ): this;
    on(event: 'field', listener: (name: string, value: string) => void): this;
    on(event: 'close', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'filesLimit' | 'fieldsLimit' | 'partsLimit', listener: () => void): this;
  }
  function busboy(options: { headers: IncomingHttpHeaders; limits?: Limits }): Busboy;
  export = busboy;
}

import { connect } from 'node:net';

/**
 * Writes raw bytes to an HTTP server and collects everything it answers until it closes the
 * connection or goes quiet: the way a smuggling attempt is made, below any HTTP client's framing.
 */
export function rawExchange(baseUrl: string, bytes: string, quietMs = 1500): Promise<string> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    };
    socket.on('connect', () => {
      socket.write(bytes, 'latin1');
      rearm();
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      rearm();
    });
    socket.on('end', done);
    socket.on('error', (error) => (chunks.length > 0 ? done() : reject(error)));
  });
}

/** The status codes of every HTTP response in a raw answer, in order. */
export function statusLines(raw: string): number[] {
  return [...raw.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]));
}

/** A chunked body holding `payload` as a single chunk, terminated. */
export function oneChunk(payload: string): string {
  return `${Buffer.byteLength(payload, 'latin1').toString(16)}\r\n${payload}\r\n0\r\n\r\n`;
}

import { HEADERS } from '@leadgate/contracts';
import { IHeaders } from 'kafkajs';

/** Reads a header as a string; kafkajs hands them over as Buffers (or arrays of them). */
export function headerValue(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined) return undefined;
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}

export function requestIdOf(headers: IHeaders | undefined): string | undefined {
  return headerValue(headers, HEADERS.requestId);
}

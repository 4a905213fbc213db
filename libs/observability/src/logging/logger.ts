import pino, { Logger } from 'pino';
import { currentRequestId } from '@leadgate/observability/context/request-context';

/**
 * Paths whose values never reach a log line, wherever they appear. Secrets are also never passed to
 * the logger on purpose; this is the second fence.
 */
const REDACTED_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'client_secret',
  '*.client_secret',
  'password',
  '*.password',
  'access_token',
  '*.access_token',
];

export function createLogger(service: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'message',
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Every line logged inside a request (HTTP or Kafka) carries its request id.
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { request_id: requestId } : {};
    },
  });
}

import { isIP } from 'node:net';
import { isPublicAddress } from './address-ranges';

const MAX_URL_LENGTH = 2048;
/** Names that mean "this machine or this network" whatever DNS says. */
const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)\.?$/i;

/**
 * What is wrong with a webhook URL before any DNS lookup, or null (API.md §12): an absolute
 * `https` URL (plain `http` too when private targets are allowed), without credentials, whose host
 * is not an address or a name that is private by construction. Messages never repeat the URL:
 * one may carry a secret of the receiver's.
 */
export function targetUrlProblem(url: unknown, allowPrivate: boolean): string | null {
  if (typeof url !== 'string' || url.length === 0) return 'must be a URL';
  if (url.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  const schemes = allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(parsed.protocol)) {
    return allowPrivate ? 'must use https or http' : 'must use https';
  }
  if (parsed.username !== '' || parsed.password !== '') return 'must not carry a user name or password';
  const host = hostOf(parsed);
  if (host === '') return 'must name a host';
  if (allowPrivate) return null;
  if (isIP(host) !== 0)
    return isPublicAddress(host) ? null : 'must not point at a private, loopback or link-local address';
  if (LOCAL_NAMES.test(host) || !host.includes('.')) return 'must name a public host';
  return null;
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress } from './address-ranges';
import { hostOf, targetUrlProblem } from './target-url';

/** Resolves a host name to every address it has (node's `dns.lookup` with `all: true`). */
export type AddressLookup = (host: string) => Promise<string[]>;

const systemLookup: AddressLookup = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

export type ResolvedTarget = { problem: string } | { problem: null; addresses: string[] };

/**
 * The URL checked, then its host resolved and every address it resolves to checked: one private
 * address is enough to refuse (a name may answer a public and a private one). The sender checks at
 * each delivery, and should connect to the addresses answered here, so a name that changes its
 * answer between check and connect (DNS rebinding) reaches nothing private. With private targets
 * allowed, nothing is resolved here.
 */
export async function resolveTarget(
  url: string,
  allowPrivate: boolean,
  lookup: AddressLookup = systemLookup,
): Promise<ResolvedTarget> {
  const problem = targetUrlProblem(url, allowPrivate);
  if (problem) return { problem };
  const host = hostOf(new URL(url));
  if (isIP(host) !== 0) return { problem: null, addresses: [host] };
  if (allowPrivate) return { problem: null, addresses: [] };
  let addresses: string[];
  try {
    addresses = await lookup(host);
  } catch {
    return { problem: 'host does not resolve' };
  }
  if (addresses.length === 0) return { problem: 'host does not resolve' };
  if (!addresses.every(isPublicAddress)) {
    return { problem: 'host resolves to a private, loopback or link-local address' };
  }
  return { problem: null, addresses };
}

/** What is wrong with the URL or any address its host resolves to, or null. */
export async function resolvedTargetProblem(
  url: string,
  allowPrivate: boolean,
  lookup: AddressLookup = systemLookup,
): Promise<string | null> {
  return (await resolveTarget(url, allowPrivate, lookup)).problem;
}

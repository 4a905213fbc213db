import { BlockList, isIPv4, isIPv6 } from 'node:net';

// Every range a webhook must not reach (API.md §12): private, loopback, link-local (cloud metadata
// at 169.254.169.254 and fd00:ec2::254 among them), shared, documentation, multicast, reserved, and
// the IPv6 ranges that carry an IPv4 address inside (NAT64, 6to4, Teredo), so none smuggles one in.
const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const BLOCKED_V6: [string, number][] = [
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['3fff::', 20],
  ['5f00::', 16],
];

const blocked = new BlockList();
for (const [network, prefix] of BLOCKED_V4) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of BLOCKED_V6) blocked.addSubnet(network, prefix, 'ipv6');
/** IPv6 global unicast: everything else (loopback, unique local fc00::/7, link-local, multicast...) is refused. */
const globalUnicast = new BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');

const MAPPED_V4 = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;
const MAPPED_V4_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, `::ffff:a00:1`) as the IPv4 address it is. */
function unmapped(address: string): string {
  const dotted = MAPPED_V4.exec(address);
  if (dotted) return dotted[1];
  const hex = MAPPED_V4_HEX.exec(address);
  if (!hex) return address;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True only for an address on the public internet; anything unparsable is not. */
export function isPublicAddress(raw: string): boolean {
  const address = unmapped(raw.replace(/^\[|\]$/g, '').split('%')[0]);
  if (isIPv4(address)) return !blocked.check(address, 'ipv4');
  if (isIPv6(address)) return globalUnicast.check(address, 'ipv6') && !blocked.check(address, 'ipv6');
  return false;
}

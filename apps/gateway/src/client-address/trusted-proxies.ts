import { isIP } from 'node:net';
import { z } from 'zod';

/** An address (`10.0.0.7`, `::1`) or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
export function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUSTED_PROXIES: the proxies in front of the gateway, comma-separated. X-Forwarded-For is believed
 * only from these peers (Express walks it from the right while the hop is trusted); with none, the
 * client address is always the TCP peer, so a caller cannot choose the address it is limited by.
 */
export const trustedProxiesSetting = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .pipe(z.array(z.string().refine(isAddressOrRange, 'must be an IP address or a CIDR range like 10.0.0.0/8')));

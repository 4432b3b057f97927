import { createHmac } from 'node:crypto';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { TokenKeyring } from './token-keys.ts';

/** Where a rating came from, without personal data (issue 4, point 10). */
export interface RatingOrigin {
  /** Keyed digest of the /24 (IPv4) or /48 (IPv6) prefix: equal networks compare equal, the address stays unknown. */
  network?: string;
  /** The sender was inside one of the agency networks named in HAILONG_STAFF_NETWORKS. */
  staffNetwork?: boolean;
}

/** Parses HAILONG_STAFF_NETWORKS ("10.0.0.0/8, 192.168.5.0/24, fd00::/8"); a wrong entry stops the start. */
export function parseStaffNetworks(text: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split('/');
    const family = address && isIPv4(address) ? 'ipv4' : address && isIPv6(address) ? 'ipv6' : null;
    const prefix = Number(bits ?? (family === 'ipv4' ? 32 : 128));
    if (
      family === null ||
      !address ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > (family === 'ipv4' ? 32 : 128)
    ) {
      throw new Error(`HAILONG_STAFF_NETWORKS: "${entry}" is not a network (e.g. 10.1.0.0/16)`);
    }
    list.addSubnet(address, prefix, family);
  }
  return list;
}

function prefixOf(address: string): string | null {
  const plain = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
  if (isIPv4(plain)) return plain.split('.').slice(0, 3).join('.');
  if (isIPv6(plain)) {
    const [head = ''] = plain.split('::');
    return head.split(':').slice(0, 3).join(':');
  }
  return null;
}

/** The origin of a request's address: the keyed network digest and whether it is a staff network. */
export function ratingOrigin(
  address: string | undefined,
  keys: TokenKeyring | undefined,
  staffNetworks: BlockList | undefined,
): RatingOrigin {
  if (address === undefined) return {};
  const plain = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
  const family = isIPv4(plain) ? 'ipv4' : isIPv6(plain) ? 'ipv6' : null;
  const prefix = prefixOf(address);
  const key = keys?.keys.get(keys.currentKeyId);
  return {
    ...(prefix !== null && key !== undefined
      ? {
          network: createHmac('sha256', key)
            .update(`hailong-network:${prefix}`)
            .digest('base64url')
            .slice(0, 16),
        }
      : {}),
    ...(family !== null && staffNetworks !== undefined
      ? { staffNetwork: staffNetworks.check(plain, family) }
      : {}),
  };
}

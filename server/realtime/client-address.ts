import { isIPv6 } from 'node:net';
import type { Config } from '../config.js';
import { isTrustedProxy } from './origin.js';

/**
 * The address a client is limited by, as Express's `trust proxy` finds it: start at the socket's peer
 * and, while that address is a trusted proxy (TRUST_PROXY: `true`, `false` or the proxies' addresses),
 * step one entry leftwards in X-Forwarded-For. Without trusted proxies the header is ignored: anyone
 * can write it.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: Config['trustProxy'],
) {
  let address = peer ?? '';
  if (forwardedFor) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    // Each proxy appends the address it received from: walk from the right while the sender is trusted.
    for (let i = hops.length - 1; i >= 0 && isTrustedProxy(trust, address); i--) address = hops[i]!;
  }
  return limitKey(address);
}

/** IPv4 as is; IPv6 by its /64 (one household or host usually has a whole /64 to pick from). */
export function limitKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!isIPv6(plain)) return plain || 'unknown';
  const [head = '', tail = ''] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const full = plain.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${full
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

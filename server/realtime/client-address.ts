import { isIPv6 } from 'node:net';

/**
 * The address a client is limited by: the socket's peer address, or, behind `trustProxy` reverse
 * proxies (TRUST_PROXY), the address the outermost trusted proxy saw in X-Forwarded-For. Without
 * trusted proxies the header is ignored: anyone can write it.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: number,
) {
  let address = peer ?? '';
  if (trustProxy > 0 && forwardedFor) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    // Each proxy appends the address it received from; the last `trustProxy` entries are theirs.
    const seen = hops[hops.length - trustProxy];
    if (seen) address = seen;
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

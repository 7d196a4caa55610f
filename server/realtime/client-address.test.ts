import { describe, expect, test } from 'vitest';
import { clientAddress, limitKey } from './client-address.js';

describe('the address a client is limited by', () => {
  test('X-Forwarded-For counts only from trusted proxies, from the right (Express trust proxy)', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9', false)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 'forged, 203.0.113.9', ['10.0.0.5'])).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', ['forged', '198.51.100.2, 10.0.0.4'], ['uniquelocal'])).toBe('198.51.100.2');
    expect(clientAddress('::ffff:127.0.0.1', 'forged, 198.51.100.2', ['loopback'])).toBe('198.51.100.2');
    expect(clientAddress('10.0.0.5', 'forged, 198.51.100.2', ['192.168.0.0/16'])).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 'first, 198.51.100.2', true)).toBe('first');
    expect(clientAddress('10.0.0.5', undefined, true)).toBe('10.0.0.5');
  });

  test('IPv4-mapped addresses are plain IPv4; IPv6 is grouped by /64', () => {
    expect(limitKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(limitKey('2001:db8:0:12::1')).toBe('2001:db8:0:12::/64');
    expect(limitKey('2001:0db8:0000:0012:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:12::/64');
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
    expect(limitKey('')).toBe('unknown');
  });
});

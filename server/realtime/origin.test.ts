import { describe, expect, test } from 'vitest';
import { testConfig } from '../config.js';
import { isAddressOrRange, isTrustedProxy, originAllowed, publicOrigin, requestOrigin } from './origin.js';

const req = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
  ({ headers, socket: { remoteAddress } }) as unknown as Parameters<typeof requestOrigin>[1];

describe('origin', () => {
  test('TRUST_PROXY entries: addresses, ranges and the named ranges', () => {
    for (const ok of ['10.0.0.1', '10.0.0.0/8', '::1', 'fc00::/7', 'loopback', 'uniquelocal'])
      expect(isAddressOrRange(ok)).toBe(true);
    for (const bad of ['10.0.0.0/33', '10.0.0.0/8/1', 'proxy', '::1/129', '10.0.0.0/x'])
      expect(isAddressOrRange(bad)).toBe(false);
  });

  test('a trusted proxy is matched by address, also as an IPv4-mapped IPv6 address', () => {
    const trust = ['loopback', '10.1.0.0/16'];
    expect(isTrustedProxy(trust, '127.0.0.1')).toBe(true);
    expect(isTrustedProxy(trust, '::ffff:127.0.0.1')).toBe(true);
    expect(isTrustedProxy(trust, '::1')).toBe(true);
    expect(isTrustedProxy(trust, '10.1.200.3')).toBe(true);
    expect(isTrustedProxy(trust, '10.2.0.1')).toBe(false);
    expect(isTrustedProxy(false, '127.0.0.1')).toBe(false);
    expect(isTrustedProxy(true, '203.0.113.9')).toBe(true);
  });

  test('a Host header that is not a host name is not used for links', () => {
    const config = testConfig({ port: 3000 });
    expect(requestOrigin(config, req({ host: 'Jumelage.Example.org:8443' }))).toBe('http://jumelage.example.org:8443');
    expect(requestOrigin(config, req({ host: 'evil.example/path?x=' }))).toBe('http://localhost:3000');
    expect(requestOrigin(config, req({ host: '[::1]:3000' }))).toBe('http://[::1]:3000');
  });

  test('links use the page origin the browser named only when it may open a socket', () => {
    const config = testConfig();
    expect(publicOrigin(config, req({ host: 'a.example', origin: 'https://a.example' }))).toBe('https://a.example');
    expect(publicOrigin(config, req({ host: 'a.example', origin: 'https://evil.example' }))).toBe('http://a.example');
    expect(originAllowed(config, req({ host: 'a.example', origin: 'https://a.example.evil.example' }))).toBe(false);
  });
});

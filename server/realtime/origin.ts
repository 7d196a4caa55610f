/**
 * Where the server is reached from: the base of the links it hands out, and which pages may open a
 * socket. X-Forwarded-* headers count only from a proxy named in TRUST_PROXY; links come from PUBLIC_URL
 * when it is set.
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Config } from '../config.js';

/** Names for common address ranges, as Express knows them. */
export const TRUST_SHORTCUTS: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** An IP address or a CIDR range, as TRUST_PROXY takes them. */
export function isAddressOrRange(entry: string): boolean {
  if (entry in TRUST_SHORTCUTS) return true;
  const [ip, prefix, ...rest] = entry.split('/');
  const family = isIP(ip ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const compiled = new WeakMap<string[], BlockList>();

/** Whether the peer at `address` is a proxy whose X-Forwarded-* headers are believed. */
export function isTrustedProxy(trust: Config['trustProxy'], address: string | undefined): boolean {
  if (typeof trust === 'boolean') return trust;
  if (!address) return false;
  let list = compiled.get(trust);
  if (!list) {
    list = new BlockList();
    for (const entry of trust.flatMap((e) => TRUST_SHORTCUTS[e] ?? [e])) {
      const [ip, prefix] = entry.split('/') as [string, string | undefined];
      const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) list.addAddress(ip, type);
      else list.addSubnet(ip, Number(prefix), type);
    }
    compiled.set(trust, list);
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1]! : address;
  return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

type Request = Pick<IncomingMessage, 'headers' | 'socket'>;

const first = (header: string | string[] | undefined) =>
  (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() || undefined;

/** host, host:port, or [v6]:port; anything else in a Host header is not used for a link. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** The origin the request was addressed to: from a trusted proxy's X-Forwarded-*, else the connection and Host. */
export function requestOrigin(config: Config, req: Request): string {
  const tls = 'encrypted' in req.socket && Boolean(req.socket.encrypted);
  let proto = tls ? 'https' : 'http';
  let host = first(req.headers.host);
  if (isTrustedProxy(config.trustProxy, req.socket.remoteAddress)) {
    const fproto = first(req.headers['x-forwarded-proto']);
    if (fproto === 'http' || fproto === 'https') proto = fproto;
    host = first(req.headers['x-forwarded-host']) ?? host;
  }
  return `${proto}://${host && HOST.test(host) ? host : `localhost:${config.port}`}`;
}

/**
 * The base of links (invite, moderator, QR): PUBLIC_URL; else the page's own origin when the browser
 * named it and it passed the handshake check; else where the request was addressed.
 */
export function publicOrigin(config: Config, req: Request): string {
  if (config.publicUrl) return config.publicUrl;
  const origin = first(req.headers.origin);
  if (origin && originAllowed(config, req)) return origin;
  return requestOrigin(config, req);
}

/**
 * [ORIGIN1] A page may open a socket when it is served from this server (same host), from PUBLIC_URL or
 * from one of ALLOWED_ORIGINS. Requests without an Origin are not from a page of another site (browsers
 * send one on every WebSocket and cross-origin handshake), so scripts and tests keep working.
 */
export function originAllowed(config: Config, req: Request): boolean {
  const header = req.headers.origin;
  if (header === undefined) return true;
  let origin: URL;
  try {
    origin = new URL(header);
  } catch {
    return false; // "null" (a sandboxed frame, a file) and garbage
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return false;
  if (config.publicUrl && new URL(config.publicUrl).origin === origin.origin) return true;
  if (config.allowedOrigins.includes(origin.origin)) return true;
  const own = new URL(requestOrigin(config, req));
  return own.host === origin.host;
}

/** The HTTP and socket surface: headers, source maps, which pages may open a socket, message size, links. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { COMMANDS } from '../../shared/protocol.js';
import { formatJoinCode } from '../../shared/workshops/schema.js';
import { closeAllClients, connectClient, ok, startServer, type TestServer } from '../../test/server-harness.js';
import { createWorkshop, workshopWith } from '../../test/workshop-helpers.js';
import type { Config } from '../config.js';
import { MAX_MESSAGE_BYTES } from './wrapper.js';

let server: TestServer | undefined;
afterEach(async () => {
  closeAllClients();
  await server?.close();
  expect(server?.errors).toEqual([]);
  server = undefined;
});

/** A stand-in for the built client: an index page, a script and its source map. */
const clientDir = mkdtempSync(path.join(tmpdir(), 'jumelage-client-'));
mkdirSync(path.join(clientDir, 'assets'));
writeFileSync(
  path.join(clientDir, 'index.html'),
  '<!doctype html><script type="module" src="/assets/app.js"></script>',
);
writeFileSync(path.join(clientDir, 'assets/app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map');
writeFileSync(path.join(clientDir, 'assets/app.js.map'), '{"version":3,"sources":["../secret/main.tsx"]}');
afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(url, { headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/** Connects with the given headers; resolves true when the server let the socket in. */
function tryConnect(url: string, headers: Record<string, string>, transport: 'websocket' | 'polling' = 'websocket') {
  const socket: Socket = ioClient(url, {
    transports: [transport],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
    extraHeaders: headers,
  });
  return new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  }).finally(() => socket.disconnect());
}

async function serve(config: Partial<Config> = {}) {
  server = await startServer({ config: { clientDir, ...config } });
  return server;
}

describe('HTTP', () => {
  test('[SURF1] pages and API answers carry the security headers (CSP with frame-ancestors, nosniff, referrer policy)', async () => {
    const { url } = await serve();
    for (const path of ['/', '/j/ABC-DEF', '/api/health']) {
      const res = await get(`${url}${path}`);
      expect(res.status).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      // Over plain HTTP without PUBLIC_URL=https://..., no HSTS that would lock the host to HTTPS.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  test('[SURF2] in production the source maps are not served (and not answered with the page either)', async () => {
    const { url } = await serve({ production: true });
    expect((await get(`${url}/assets/app.js`)).status).toBe(200);
    const map = await get(`${url}/assets/app.js.map`);
    expect(map.status).toBe(404);
    expect(map.body).not.toContain('sources');
    expect((await get(`${url}/assets/other.js.map`)).status).toBe(404);
  });

  test('[SURF2] while developing, source maps are served', async () => {
    const { url } = await serve({ production: false });
    expect((await get(`${url}/assets/app.js.map`)).body).toContain('sources');
  });
});

describe('socket handshake', () => {
  test('[ORIGIN1] pages of other sites cannot open a socket; the own site, PUBLIC_URL, ALLOWED_ORIGINS and non-browsers can', async () => {
    const { url, port } = await serve({
      publicUrl: 'https://jumelage.example.org',
      allowedOrigins: ['https://partner.example.net'],
    });
    expect(await tryConnect(url, { origin: 'https://evil.example' })).toBe(false);
    expect(await tryConnect(url, { origin: 'https://evil.example' }, 'polling')).toBe(false);
    expect(await tryConnect(url, { origin: 'null' })).toBe(false);
    expect(await tryConnect(url, { origin: `http://127.0.0.1:${port + 1}` })).toBe(false);
    expect(await tryConnect(url, { origin: url })).toBe(true);
    expect(await tryConnect(url, { origin: url }, 'polling')).toBe(true);
    expect(await tryConnect(url, { origin: 'https://jumelage.example.org' })).toBe(true);
    expect(await tryConnect(url, { origin: 'https://partner.example.net' })).toBe(true);
    expect(await tryConnect(url, {})).toBe(true);
  });

  test('[ORIGIN1] behind a trusted proxy, the forwarded host is the own site', async () => {
    const { url } = await serve({ trustProxy: ['loopback'] });
    const forwarded = { 'x-forwarded-host': 'jumelage.example.org', 'x-forwarded-proto': 'https' };
    expect(await tryConnect(url, { ...forwarded, origin: 'https://jumelage.example.org' })).toBe(true);
    expect(await tryConnect(url, { ...forwarded, origin: 'https://evil.example' })).toBe(false);
  });

  test('[SURF3] a message bigger than any command needs closes the connection before it is parsed', async () => {
    const { url } = await serve();
    expect(MAX_MESSAGE_BYTES).toBeGreaterThanOrEqual(Math.max(...Object.values(COMMANDS).map((c) => c.maxBytes)));
    expect(MAX_MESSAGE_BYTES).toBeLessThan(1024 * 1024);
    const { moderator, people } = await workshopWith(url, 'Ana');
    const ana = people[0]!.socket;
    let acked = false;
    const closed = new Promise<string>((resolve) => ana.once('disconnect', resolve));
    // 1 MB: parsed (and only then refused) before; now the transport refuses it unread.
    ana.emit('chat:send', { text: 'x'.repeat(1024 * 1024) }, () => (acked = true));
    expect(await closed).toMatch(/transport (close|error)/);
    expect(acked).toBe(false);
    // Within the limit, a command over its own limit is still answered, and the server serves on.
    const big = await moderator.socket.timeout(5000).emitWithAck('chat:send', { text: 'x'.repeat(64 * 1024) });
    expect(big).toMatchObject({ ok: false, code: 'payload_too_large' });
    expect((await ok(moderator.socket, 'chat:send', { text: 'still here' })).text).toBe('still here');
  });
});

describe('links', () => {
  const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

  async function createWith(url: string, headers: Record<string, string>) {
    const socket: Socket = ioClient(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: headers,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const ack = await socket.timeout(5000).emitWithAck('workshop:create', { title: 'T', languages: ['de'] });
      if (!ack.ok) throw new Error(ack.code);
      return ack.data as { inviteUrl: string; moderatorUrl: string; workshop: { code: string } };
    } finally {
      socket.disconnect();
    }
  }

  test('[LINK1] without TRUST_PROXY, X-Forwarded-Host does not steer the invite and moderator links', async () => {
    const { url } = await serve();
    const created = await createWith(url, forged);
    expect(created.inviteUrl.startsWith(`${url}/j/`)).toBe(true);
    expect(created.moderatorUrl.startsWith(`${url}/j/`)).toBe(true);
  });

  test('[LINK1] with TRUST_PROXY naming the proxy, the forwarded host and scheme are used', async () => {
    const { url } = await serve({ trustProxy: ['loopback'] });
    expect((await createWith(url, forged)).inviteUrl.startsWith('https://evil.example/j/')).toBe(true);
    // A proxy at another address is not believed.
    await server?.close();
    server = undefined;
    const other = await serve({ trustProxy: ['10.0.0.0/8'] });
    expect((await createWith(other.url, forged)).inviteUrl.startsWith(`${other.url}/j/`)).toBe(true);
  });

  test('[LINK1] PUBLIC_URL wins over every header', async () => {
    const { url } = await serve({ publicUrl: 'https://jumelage.example.org', trustProxy: true });
    const created = await createWith(url, { ...forged, origin: 'https://jumelage.example.org' });
    expect(created.inviteUrl.startsWith('https://jumelage.example.org/j/')).toBe(true);
  });

  const qrOf = (link: string) => QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });

  test('[LINK2] the QR code follows neither X-Forwarded-Host nor, for shared caches, the Host header', async () => {
    const { url, port } = await serve();
    const created = await createWorkshop(url);
    const code = formatJoinCode(created.workshop.code);
    const qr = await get(`${url}/api/workshops/${code}/qr.svg`, { ...forged, host: 'evil.example' });
    expect(qr.status).toBe(200);
    expect(qr.body).not.toBe(await qrOf(`https://evil.example/j/${code}?via=qr`));
    // Built from the request's own Host, so only the one who asked may keep it.
    expect(qr.body).toBe(await qrOf(`http://evil.example/j/${code}?via=qr`));
    expect(qr.headers['cache-control']).toBe('private, max-age=3600');
    const plain = await get(`${url}/api/workshops/${code}/qr.svg`);
    expect(plain.body).toBe(await qrOf(`http://127.0.0.1:${port}/j/${code}?via=qr`));
  });

  test('[LINK2] with PUBLIC_URL the QR code points there and may be cached by anyone', async () => {
    const { url } = await serve({ publicUrl: 'https://jumelage.example.org' });
    const code = formatJoinCode((await createWorkshop(url)).workshop.code);
    const qr = await get(`${url}/api/workshops/${code}/qr.svg`, { ...forged, host: 'evil.example' });
    expect(qr.body).toBe(await qrOf(`https://jumelage.example.org/j/${code}?via=qr`));
    expect(qr.headers['cache-control']).toBe('public, max-age=3600');
  });
});

test('the test clients of the harness (no Origin) still connect', async () => {
  const { url } = await serve();
  await connectClient(url);
});

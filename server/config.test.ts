import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, testConfig } from './config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  test('an empty environment gives the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      publicUrl: null,
      redisUrl: null,
      production: false,
      logLevel: 'info',
      logFormat: 'pretty',
      presenceGraceMs: 60_000,
      presenceHeartbeatMs: 5_000,
      presenceDropDelayMs: 3_000,
      rateLimitPerSecond: 30,
      volatileRateLimitPerSecond: 120,
      clientDir: null,
      shutdownDrainMs: 0,
      allowedOrigins: [],
      trustProxy: false,
      lifetime: { afterEndMs: 7 * 86_400_000, idleMs: 30 * 86_400_000, sweepMs: 60_000 },
      abuse: {
        lookupFailures: 20,
        lookupWindowS: 600,
        moderatorKeyFailures: 10,
        moderatorKeyWindowS: 900,
        creates: 20,
        createWindowS: 3600,
        knocks: 40,
        knockWindowS: 600,
      },
      media: { iceServers: [], turnSecretUrls: [], turnSecret: null, turnTtlSeconds: 43_200, uploadBudgetKbps: 2500 },
      sfu: { janusUrls: [], meshMaxPeers: 4 },
    });
  });

  test('JANUS_URLS lists Janus instances; MESH_MAX_PEERS sets where the SFU takes over', () => {
    expect(loadConfig({ JANUS_URLS: 'ws://10.0.0.5:8188, ws://10.0.0.6:8188', MESH_MAX_PEERS: '6' }).sfu).toEqual({
      janusUrls: ['ws://10.0.0.5:8188', 'ws://10.0.0.6:8188'],
      meshMaxPeers: 6,
    });
    expect(configError({ JANUS_URLS: 'http://10.0.0.5:8088' }).message).toContain('JANUS_URLS');
  });

  test('values are read and converted; empty strings count as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://jumelage.example.org//',
      REDIS_URL: 'redis://cache:6379',
      NODE_ENV: 'production',
      PRESENCE_GRACE_MS: '5000',
      RATE_LIMIT_PER_SECOND: '',
      VOLATILE_RATE_LIMIT_PER_SECOND: '200',
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://jumelage.example.org',
      redisUrl: 'redis://cache:6379',
      production: true,
      logFormat: 'json',
      presenceGraceMs: 5000,
      rateLimitPerSecond: 30,
      volatileRateLimitPerSecond: 200,
    });
  });

  test.each(['http', '-1', '70000', '80.5'])(
    'a bad PORT (%s) gives a ConfigError naming PORT and the value',
    (port) => {
      const err = configError({ PORT: port });
      expect(err.message).toContain(`PORT=${JSON.stringify(port)}`);
    },
  );

  test('every bad variable is named at once', () => {
    const err = configError({ REDIS_URL: 'http://not-redis', LOG_LEVEL: 'loud', PRESENCE_GRACE_MS: '10' });
    expect(err.message).toMatch(/REDIS_URL=/);
    expect(err.message).toMatch(/LOG_LEVEL=/);
    expect(err.message).toMatch(/PRESENCE_GRACE_MS=/);
  });

  test('ALLOWED_ORIGINS is a comma-separated list of origins (paths and slashes dropped)', () => {
    expect(
      loadConfig({ ALLOWED_ORIGINS: 'https://partner.example.org/, http://localhost:5173 ,https://a.example/x' })
        .allowedOrigins,
    ).toEqual(['https://partner.example.org', 'http://localhost:5173', 'https://a.example']);
    expect(configError({ ALLOWED_ORIGINS: 'partner.example.org' }).message).toMatch(/ALLOWED_ORIGINS=/);
    expect(configError({ ALLOWED_ORIGINS: 'ftp://partner.example.org' }).message).toMatch(/ALLOWED_ORIGINS=/);
  });

  test.each([
    ['true', true],
    ['false', false],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.7,::1', ['10.0.0.0/8', '192.168.1.7', '::1']],
  ])('TRUST_PROXY=%s is read as %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  test.each(['yes', '10.0.0.0/33', 'proxy.example.org', '1'])('a bad TRUST_PROXY (%s) is named', (value) => {
    expect(configError({ TRUST_PROXY: value }).message).toContain(`TRUST_PROXY=${JSON.stringify(value)}`);
  });

  test('testConfig listens on a free port of the loopback and takes overrides', () => {
    expect(testConfig({ presenceGraceMs: 100 })).toMatchObject({ port: 0, host: '127.0.0.1', presenceGraceMs: 100 });
  });
});

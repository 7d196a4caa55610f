import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { iceServersFor } from './ice.js';

const problem = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  return null;
};

describe('ICE server configuration', () => {
  test('by default no ICE servers (LAN and loopback work on host candidates) and a 2500 kbit/s budget', () => {
    expect(loadConfig({}).media).toMatchObject({ iceServers: [], uploadBudgetKbps: 2500 });
  });

  test('STUN_URLS and TURN_URLS with static credentials', () => {
    const { media } = loadConfig({
      STUN_URLS: 'stun:stun.example.org:3478, stun:stun2.example.org',
      TURN_URLS: 'turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349',
      TURN_USERNAME: 'jumelage',
      TURN_CREDENTIAL: 'secret',
      MEDIA_UPLOAD_BUDGET_KBPS: '1200',
    });
    expect(media.iceServers).toEqual([
      { urls: ['stun:stun.example.org:3478', 'stun:stun2.example.org'] },
      {
        urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'],
        username: 'jumelage',
        credential: 'secret',
      },
    ]);
    expect(media.uploadBudgetKbps).toBe(1200);
  });

  test('ICE_SERVERS_JSON is validated', () => {
    const { media } = loadConfig({
      ICE_SERVERS_JSON:
        '[{"urls":"stun:a.example.org"},{"urls":["turn:b.example.org"],"username":"u","credential":"c"}]',
    });
    expect(media.iceServers).toHaveLength(2);
    expect(problem({ ICE_SERVERS_JSON: 'not json' })).toContain('ICE_SERVERS_JSON: not valid JSON');
    expect(problem({ ICE_SERVERS_JSON: '[{"urls":"http://x"}]' })).toContain('ICE_SERVERS_JSON');
    expect(problem({ ICE_SERVERS_JSON: '[{"urls":"stun:x"}]', STUN_URLS: 'stun:y' })).toContain('not both');
  });

  test.each([
    [{ STUN_URLS: 'http://stun.example.org' }, 'STUN_URLS'],
    [{ TURN_URLS: 'turn:turn.example.org' }, 'TURN_URLS: needs TURN_USERNAME'],
    [{ TURN_USERNAME: 'u', TURN_CREDENTIAL: 'c' }, 'no TURN_URLS'],
    [{ TURN_URLS: 'turn:t', TURN_SECRET: 'x'.repeat(20), TURN_USERNAME: 'u' }, 'not both'],
    [{ MEDIA_UPLOAD_BUDGET_KBPS: '10' }, 'MEDIA_UPLOAD_BUDGET_KBPS'],
  ])('%j is refused, naming %s', (env, text) => {
    expect(problem(env)).toContain(text);
  });

  test('TURN_SECRET gives each participant short-lived coturn REST credentials', () => {
    const { media } = loadConfig({
      STUN_URLS: 'stun:s.example.org',
      TURN_URLS: 'turn:t.example.org',
      TURN_SECRET: 'a-long-shared-secret',
      TURN_TTL_SECONDS: '600',
    });
    const servers = iceServersFor(media, 'p123', 1_000_000);
    expect(servers[0]).toEqual({ urls: ['stun:s.example.org'] });
    expect(servers[1]).toEqual({
      urls: ['turn:t.example.org'],
      username: '1600:p123',
      credential: createHmac('sha1', 'a-long-shared-secret').update('1600:p123').digest('base64'),
    });
  });
});

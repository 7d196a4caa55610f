/** The mesh's pure rules (the connections themselves are covered by e2e/media.e2e.test.ts). */
import { describe, expect, test } from 'vitest';
import type { SignalData } from '../../shared/media/schema.js';
import { FRESH_OFFER_MS, helloAction, Mesh } from './mesh.js';

const fresh = { cid: 'c1', state: 'connecting' as const, createdAt: 1_000, heard: false };

describe('[MEDIA8] what the initiator does with a hello', () => {
  test('no connection yet, or a restart asked for: offer now', () => {
    expect(helloAction(undefined, { have: null, restart: false }, 1_000)).toBe('connect');
    expect(helloAction(fresh, { have: 'c1', restart: true }, 1_010)).toBe('connect');
  });

  test('they hold my current connection: nothing to do', () => {
    expect(helloAction({ ...fresh, state: 'connected' }, { have: 'c1', restart: false }, 9_000)).toBe('keep');
  });

  test('a greeting sent before my fresh offer arrived does not replace that offer; it is checked again later', () => {
    expect(helloAction(fresh, { have: null, restart: false }, 1_300)).toEqual({ recheckInMs: FRESH_OFFER_MS - 300 });
  });

  test('they hold nothing while mine was answered, is old or connected: offer again at once', () => {
    expect(helloAction({ ...fresh, heard: true }, { have: null, restart: false }, 1_300)).toBe('connect');
    expect(helloAction(fresh, { have: null, restart: false }, 1_000 + FRESH_OFFER_MS)).toBe('connect');
    expect(helloAction({ ...fresh, state: 'connected' }, { have: null, restart: false }, 1_300)).toBe('connect');
    expect(helloAction(fresh, { have: 'old', restart: false }, 1_300)).toBe('connect');
  });
});

test('[MEDIA8] a hello goes out in the same task, not after whatever the page draws next', () => {
  const sent: { to: string; signals: SignalData[] }[] = [];
  const mesh = new Mesh({
    selfId: 'z',
    iceServers: [],
    sendStream: {} as MediaStream,
    send: (to, _cid, signals) => sent.push({ to, signals }),
    onChange: () => undefined,
    onLink: () => undefined,
  });
  mesh.start(['a', 'z']); // 'a' initiates: I greet it
  expect(sent).toEqual([{ to: 'a', signals: [{ type: 'hello', have: null, restart: false }] }]);
  mesh.destroy();
});

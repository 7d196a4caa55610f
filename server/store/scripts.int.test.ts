/**
 * STORE-LUA1 a Lua script's text crosses the wire once: calls go by SHA (EVALSHA), and after Redis
 *            forgot its scripts (SCRIPT FLUSH, a restart) the next call loads it again and works;
 *            a guarded write returns what it wrote, so no read follows it
 * (On a redis-server of the test's own, so that no other test's scripts count.)
 */
import type { ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import { afterEach, expect, test } from 'vitest';
import { describeWithRedis } from '../../test/server-harness.js';
import { findOnPath, freePort, stopProcess } from '../../test/processes.js';
import { startRedis } from '../../test/redis-server.js';
import { participantRecord, workshopRecord } from '../workshops/store/test-contract.js';
import { RedisStore } from './redis-store.js';

describeWithRedis('Lua scripts by SHA', () => {
  let redis: ChildProcess | null = null;
  const closing: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
    if (redis) await stopProcess(redis);
  });

  test('[STORE-LUA1] scripts are called by SHA and reloaded when Redis forgot them', async () => {
    const binary = findOnPath('redis-server');
    if (!binary) throw new Error('this test starts a redis-server of its own: install redis-server');
    const port = await freePort();
    redis = await startRedis(binary, port);
    const url = `redis://127.0.0.1:${port}`;
    const store = await RedisStore.connect(url, { prefix: 'lua:' });
    const admin = createClient({ url });
    const monitor = admin.duplicate();
    await Promise.all([admin.connect(), monitor.connect()]);
    closing.push(
      () => store.close(),
      () => admin.close(),
      () => monitor.close(),
    );
    // Commands as clients sent them (MONITOR marks those a script ran as "[0 lua]"; they are left out).
    const sent: string[] = [];
    await monitor.monitor((line) => {
      if (!line.includes(' lua]')) sent.push(/"(\w+)"/.exec(line)?.[1]?.toLowerCase() ?? '');
    });
    const calls = async () => {
      await admin.ping();
      await expect.poll(() => sent.at(-1)).toBe('ping');
      const count = (cmd: string) => sent.filter((c) => c === cmd).length;
      return { eval: count('eval'), evalsha: count('evalsha'), hgetall: count('hgetall') };
    };

    const w = workshopRecord();
    const p = participantRecord();
    expect(await store.createWorkshop(w)).toBe(true);
    expect(await store.addParticipant(w.id, p, { bypassLock: false, bypassLimit: false })).toBe('ok');
    for (let i = 0; i < 10; i++) await store.raiseHand(w.id, p.id, 1_000 + i);
    // Three scripts, each loaded once (EVALSHA answered NOSCRIPT, then one EVAL); every other call by SHA.
    // A guarded write returns the participant it wrote: no HGETALL after it.
    expect(await calls()).toEqual({ eval: 3, evalsha: 12, hgetall: 0 });

    await admin.scriptFlush();
    expect((await store.lowerHand(w.id, p.id))?.handRaisedAt).toBeNull();
    expect((await store.raiseHand(w.id, p.id, 5_000))?.handRaisedAt).toBe(5_000);
    expect(await calls()).toEqual({ eval: 5, evalsha: 14, hgetall: 0 });
  });
});

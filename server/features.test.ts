import { Server } from 'socket.io';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { testConfig } from './config.js';
import { createFeatures } from './features.js';
import { cryptoIds } from './ids.js';
import { createLogger } from './logger.js';
import type { Deps, TypedServer } from './realtime/types.js';
import { openStore } from './store/index.js';

afterEach(() => void vi.useRealTimers());

describe('features', () => {
  test('[FEAT1] building the features starts no timer; start() starts the breakout ticker and stop() ends it', async () => {
    vi.useFakeTimers();
    const store = await openStore(null);
    const io: TypedServer = new Server();
    const deps: Deps = {
      io,
      store,
      config: testConfig(),
      log: createLogger({ level: 'silent', format: 'json' }),
      clock: Date.now,
      ids: cryptoIds,
    };
    const features = createFeatures(deps);
    expect(vi.getTimerCount()).toBe(0);
    await features.start();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000); // the ticker runs (and finds nothing due)
    await features.stop();
    expect(vi.getTimerCount()).toBe(0);
    await store.close();
  });
});

import { Server } from 'socket.io';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { testConfig } from './config.js';
import { createFeatures } from './features.js';
import { cryptoIds } from './ids.js';
import { createLogger } from './logger.js';
import { Attempts } from './realtime/attempts.js';
import { createParticipantEvents } from './realtime/participant-events.js';
import type { Deps, TypedServer } from './realtime/types.js';
import { openStore } from './store/index.js';

afterEach(() => void vi.useRealTimers());

describe('features', () => {
  test('[FEAT1] building the features starts no timer; start() starts the breakout, speaking, truths and market tickers, the presence heartbeat and the lifetime sweep, stop() ends them', async () => {
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
      attempts: new Attempts(store, testConfig().abuse),
      people: createParticipantEvents(io),
    };
    const features = createFeatures(deps);
    expect(vi.getTimerCount()).toBe(0);
    await features.start();
    expect(vi.getTimerCount()).toBe(6);
    await vi.advanceTimersByTimeAsync(6000); // the tickers and the heartbeat run (and find nothing to do)
    await features.stop();
    expect(vi.getTimerCount()).toBe(0);
    await store.close();
  });
});

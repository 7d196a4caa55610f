import { describe, expect, test } from 'vitest';
import { LogSampler } from './log-sampler.js';

describe('LogSampler', () => {
  test('[LOG4] the first of a kind is logged, the rest of the interval counted, the count reported with the next', () => {
    const sampler = new LogSampler(10_000);
    expect(sampler.take('rate_limited', 0)).toEqual({ log: true, suppressed: 0 });
    for (let t = 1; t <= 500; t++) expect(sampler.take('rate_limited', t).log).toBe(false);
    expect(sampler.take('forbidden', 600)).toEqual({ log: true, suppressed: 0 });
    expect(sampler.take('rate_limited', 10_000)).toEqual({ log: true, suppressed: 500 });
    expect(sampler.take('rate_limited', 10_001).log).toBe(false);
    expect(sampler.drain()).toEqual([{ kind: 'rate_limited', suppressed: 1 }]);
    expect(sampler.drain()).toEqual([]);
  });
});

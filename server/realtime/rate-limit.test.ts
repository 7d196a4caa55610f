import { describe, expect, test } from 'vitest';
import { TokenBucket } from './rate-limit.js';

const takeMany = (bucket: TokenBucket, n: number, now: number) =>
  Array.from({ length: n }, () => bucket.take(now)).filter(Boolean).length;

describe('TokenBucket', () => {
  test('a full bucket allows a burst, then refuses', () => {
    const bucket = new TokenBucket(10, 20, 0);
    expect(takeMany(bucket, 25, 0)).toBe(20);
    expect(bucket.take(0)).toBe(false);
  });

  test('tokens come back at the rate', () => {
    const bucket = new TokenBucket(10, 20, 0);
    takeMany(bucket, 20, 0);
    expect(bucket.take(50)).toBe(false); // half a token
    expect(bucket.take(100)).toBe(true); // one token after 100 ms at 10/s
    expect(bucket.take(100)).toBe(false);
    expect(takeMany(bucket, 10, 1100)).toBe(10);
    expect(bucket.take(1100)).toBe(false);
  });

  test('a long pause refills only up to the burst', () => {
    const bucket = new TokenBucket(10, 20, 0);
    takeMany(bucket, 20, 0);
    expect(takeMany(bucket, 100, 60_000)).toBe(20);
  });

  test('refused attempts do not cost tokens', () => {
    const bucket = new TokenBucket(1, 1, 0);
    expect(bucket.take(0)).toBe(true);
    // Steps of 125 ms add exactly 1/8 token each (no float rounding in the sum).
    for (let t = 0; t < 1000; t += 125) expect(bucket.take(t)).toBe(false);
    expect(bucket.take(1000)).toBe(true);
  });
});

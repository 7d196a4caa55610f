/** The door into the media code: started at once when preloaded, otherwise once downloaded. */
import { expect, test } from 'vitest';
import { mediaStateCode } from './lazy.js';

test('[MEDIA12] the media controller code is at hand synchronously once preloaded', async () => {
  const first = mediaStateCode();
  expect(first.now).toBeNull();
  const loaded = await first.later;
  expect(typeof loaded.createMediaState).toBe('function');
  const again = mediaStateCode();
  expect(again.now).toBe(loaded);
  expect(again.later).toBe(first.later);
});

/** Runs around every browser test (vitest.config.ts, project "e2e"). */
import { afterEach } from 'vitest';
import { closeEveryone, saveFailureArtifacts } from './harness.js';

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    const saved = await saveFailureArtifacts(ctx.task.fullName ?? ctx.task.name);
    if (saved.length) console.error(`failure artifacts:\n  ${saved.join('\n  ')}`);
  }
  await closeEveryone();
});

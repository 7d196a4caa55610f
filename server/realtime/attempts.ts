/**
 * Limits against guessing and flooding, shared by all nodes through the store: failed join-code
 * lookups per client address, wrong moderator keys per workshop, workshops created per address, knocks
 * at a workshop's lobby per address.
 * Each attempt spends a point before it is tried (so parallel guesses cannot slip through) and a
 * success gives the point back: only failures count.
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { CommandError } from '../../shared/command.js';
import type { AbuseLimits } from '../config.js';
import type { Store } from '../store/store.js';

export class Attempts {
  private readonly lookups: RateLimiterAbstract;
  private readonly moderatorKeys: RateLimiterAbstract;
  private readonly creates: RateLimiterAbstract;
  private readonly passcodes: RateLimiterAbstract;
  private readonly knocks: RateLimiterAbstract;

  constructor(store: Store, limits: AbuseLimits) {
    this.lookups = store.limiter('lookup', limits.lookupFailures, limits.lookupWindowS);
    this.moderatorKeys = store.limiter('modkey', limits.moderatorKeyFailures, limits.moderatorKeyWindowS);
    this.creates = store.limiter('create', limits.creates, limits.createWindowS);
    // As many tries as for a moderator key, counted per address at each workshop.
    this.passcodes = store.limiter('passcode', limits.moderatorKeyFailures, limits.moderatorKeyWindowS);
    this.knocks = store.limiter('knock', limits.knocks, limits.knockWindowS);
  }

  /** Runs a join-code lookup for `address`; a miss (null) counts against it. */
  lookup<T>(address: string, find: () => Promise<T | null>): Promise<T | null> {
    return guarded(this.lookups, address, find);
  }

  /** Checks a moderator key of a workshop; a wrong one counts against the workshop and the address. */
  async moderatorKey(workshopId: string, address: string, matches: () => boolean): Promise<boolean> {
    const ok = await guarded(this.moderatorKeys, workshopId, async () => matches() || null);
    if (!ok) await spend(this.lookups, address);
    return ok === true;
  }

  /** [WS26] Checks a workshop's passcode; a wrong one counts against the address there, and as a failed lookup. */
  async passcode(workshopId: string, address: string, matches: () => boolean): Promise<boolean> {
    const ok = await guarded(this.passcodes, `${workshopId}:${address}`, async () => matches() || null);
    if (!ok) await spend(this.lookups, address);
    return ok === true;
  }

  /** [WS25] Counts a knock at a workshop's lobby from `address`: a flood cannot bury the moderators' list. */
  async knock(workshopId: string, address: string): Promise<void> {
    await spend(this.knocks, `${workshopId}:${address}`);
  }

  /** Counts a workshop created from `address`. */
  async create(address: string): Promise<void> {
    await spend(this.creates, address);
  }
}

async function guarded<T>(limiter: RateLimiterAbstract, key: string, attempt: () => Promise<T | null>) {
  await spend(limiter, key);
  const result = await attempt();
  if (result !== null) await limiter.reward(key, 1);
  return result;
}

/** Spends one point of `key`; over the limit a `too_many_attempts` refusal saying the seconds to wait. */
export async function spend(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw new CommandError('too_many_attempts', `Too many attempts; wait ${seconds} s`, seconds);
  }
}

import { RateLimiterRedis } from 'rate-limiter-flexible';
import { RedisAgendaStore } from '../agenda/store/redis.js';
import { RedisBarcampStore } from '../barcamp/store/redis.js';
import { RedisBoardStore } from '../boards/store/redis.js';
import { RedisBreakoutStore } from '../breakouts/store/redis.js';
import { createLogger, type Logger } from '../logger.js';
import { RedisFishbowlStore } from '../fishbowl/store/redis.js';
import { RedisGalleryStore } from '../gallery/store/redis.js';
import { RedisMarketStore } from '../market/store/redis.js';
import { RedisPollStore } from '../polls/store/redis.js';
import { RedisSfuStore } from '../sfu/store/redis.js';
import { RedisSpeakingStore } from '../speaking/store/redis.js';
import { RedisTruthsStore } from '../truths/store/redis.js';
import { RedisWorkshopStore } from '../workshops/store/redis.js';
import { connectRedis, type RedisClient } from './redis/client.js';
import { redisKeys } from './redis/keys.js';
import type { Store, StoreHealth } from './store.js';

/** How long /api/health waits for PING before calling Redis down. */
const PING_TIMEOUT_MS = 1_000;

/** Every feature's Redis store on one client (and one key prefix): state any node can serve. */
export class RedisStore extends RedisWorkshopStore implements Store {
  readonly kind = 'redis' as const;
  readonly breakouts: RedisBreakoutStore;
  readonly boards: RedisBoardStore;
  readonly polls: RedisPollStore;
  readonly agenda: RedisAgendaStore;
  readonly sfu: RedisSfuStore;
  readonly speaking: RedisSpeakingStore;
  readonly truths: RedisTruthsStore;
  readonly fishbowl: RedisFishbowlStore;
  readonly gallery: RedisGalleryStore;
  readonly market: RedisMarketStore;
  readonly barcamp: RedisBarcampStore;

  private constructor(
    client: RedisClient,
    prefix: string,
    private readonly ownsClient: boolean,
  ) {
    const keys = redisKeys(prefix);
    super(client, keys);
    this.breakouts = new RedisBreakoutStore(client, keys);
    this.boards = new RedisBoardStore(client, keys);
    this.polls = new RedisPollStore(client, keys);
    this.agenda = new RedisAgendaStore(client, keys);
    this.sfu = new RedisSfuStore(client, keys);
    this.speaking = new RedisSpeakingStore(client, keys);
    this.truths = new RedisTruthsStore(client, keys);
    this.fishbowl = new RedisFishbowlStore(client, keys);
    this.gallery = new RedisGalleryStore(client, keys);
    this.market = new RedisMarketStore(client, keys);
    this.barcamp = new RedisBarcampStore(client, keys);
  }

  limiter(name: string, points: number, durationS: number) {
    return new RateLimiterRedis({
      storeClient: this.client,
      useRedisPackage: true,
      keyPrefix: this.keys.limiter(name),
      points,
      duration: durationS,
    });
  }

  static async connect(url: string, opts: { prefix?: string; log?: Logger } = {}): Promise<RedisStore> {
    const log = opts.log ?? createLogger({ level: 'warn', format: 'pretty' });
    const client = await connectRedis(url, log, 'store', true);
    return new RedisStore(client, opts.prefix ?? 'jm:', true);
  }

  async health(): Promise<StoreHealth> {
    // While disconnected, node-redis would queue the PING until Redis is back: answer at once instead.
    if (!this.client.isReady) return { ok: false, reason: 'not connected' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to PING within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
      return { ok: true };
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  async close() {
    if (!this.ownsClient || !this.client.isOpen) return;
    // Redis away: a graceful close would wait for it to come back.
    if (this.client.isReady) await this.client.close();
    else this.client.destroy();
  }
}

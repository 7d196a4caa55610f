/**
 * The connections of this node to the Janus instances of JANUS_URLS (janode). One session per
 * instance, one VideoRoom handle per instance for creating and destroying rooms, and a handle per
 * publisher or subscriber attached on demand. An instance that drops is retried in the background;
 * while it is down it takes no new rooms and `onDown` lets the SFU service re-place its rooms.
 */
import Janode, { type JanodeConnection, type JanodeSession } from 'janode';
import VideoRoomPlugin, { type VideoRoomHandle } from 'janode/plugins/videoroom';
import type { Logger } from '../logger.js';

Janode.Logger.setLevel('none');

const RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
const KEEPALIVE_S = 15;

interface Instance {
  url: string;
  conn: JanodeConnection | null;
  session: JanodeSession | null;
  admin: VideoRoomHandle | null;
  connecting: Promise<void> | null;
  /** Failed attempts since it last answered: the retry backs off, and only the first is logged. */
  failures: number;
}

export class JanusPool {
  private readonly instances = new Map<string, Instance>();
  private closed = false;
  private retryTimers = new Set<NodeJS.Timeout>();

  constructor(
    urls: readonly string[],
    private readonly log: Logger,
    private readonly onChange: (url: string, up: boolean) => void = () => {},
  ) {
    for (const url of urls)
      this.instances.set(url, { url, conn: null, session: null, admin: null, connecting: null, failures: 0 });
  }

  get configured(): boolean {
    return this.instances.size > 0;
  }

  /** Connects to every instance; resolves once each has answered or failed once. */
  async start(): Promise<void> {
    await Promise.all([...this.instances.values()].map((i) => this.connect(i)));
  }

  /** The instances answering now. */
  up(): string[] {
    return [...this.instances.values()].filter((i) => i.admin).map((i) => i.url);
  }

  isUp(url: string): boolean {
    return !!this.instances.get(url)?.admin;
  }

  async createRoom(url: string, room: number, secret: string): Promise<void> {
    const admin = this.need(url).admin!;
    await admin.create({
      room,
      secret,
      max_publishers: 100,
      videocodec: 'vp8',
      audiocodec: 'opus',
      notify_joining: false,
    });
  }

  async destroyRoom(url: string, room: number, secret: string): Promise<void> {
    const admin = this.instances.get(url)?.admin;
    if (!admin) return;
    await admin.destroy({ room, secret }).catch(() => undefined);
  }

  async attach(url: string): Promise<VideoRoomHandle> {
    return this.need(url).session!.attach<VideoRoomHandle>(VideoRoomPlugin);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.retryTimers) clearTimeout(t);
    await Promise.all(
      [...this.instances.values()].map(async (i) => {
        await i.connecting?.catch(() => undefined);
        await i.conn?.close().catch(() => undefined);
      }),
    );
  }

  private need(url: string): Instance {
    const i = this.instances.get(url);
    if (!i?.admin || !i.session) throw new Error(`Janus ${url} is not connected`);
    return i;
  }

  private connect(i: Instance): Promise<void> {
    i.connecting ??= this.open(i).finally(() => (i.connecting = null));
    return i.connecting;
  }

  private async open(i: Instance): Promise<void> {
    try {
      const conn = await Janode.connect({ address: { url: i.url }, max_retries: 1, retry_time_secs: 1 });
      if (this.closed) return void (await conn.close().catch(() => undefined));
      conn.on('error', () => undefined);
      conn.once(Janode.EVENT.CONNECTION_CLOSED!, () => this.lost(i, conn, 'closed'));
      conn.once(Janode.EVENT.CONNECTION_ERROR!, () => this.lost(i, conn, 'error'));
      const session = await conn.create(KEEPALIVE_S);
      const admin = await session.attach<VideoRoomHandle>(VideoRoomPlugin);
      Object.assign(i, { conn, session, admin, failures: 0 });
      this.log.info('janus connected', { url: i.url });
      this.onChange(i.url, true);
    } catch (err) {
      if (i.failures++ === 0)
        // janode rejects with the WebSocket's error event: its message is a getter, not an own field.
        this.log.warn('janus unreachable', { url: i.url, err: (err as { message?: unknown } | null)?.message ?? err });
      this.retry(i);
    }
  }

  private lost(i: Instance, conn: JanodeConnection, why: string) {
    if (i.conn !== conn) return;
    Object.assign(i, { conn: null, session: null, admin: null });
    if (this.closed) return;
    this.log.warn('janus lost', { url: i.url, why });
    this.onChange(i.url, false);
    this.retry(i);
  }

  private retry(i: Instance) {
    if (this.closed) return;
    const t = setTimeout(
      () => {
        this.retryTimers.delete(t);
        if (!this.closed && !i.admin) void this.connect(i);
      },
      Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** i.failures),
    );
    this.retryTimers.add(t);
  }
}

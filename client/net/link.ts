import { signal, type ReadonlySignal } from '@preact/signals';
import type {
  Ack,
  CommandInput,
  CommandName,
  CommandResult,
  ErrorCode,
  ServerToClientEvents,
} from '../../shared/protocol.js';

export type LinkState = 'connecting' | 'online' | 'offline';

/** Commands that need no joined session (they open one, or come before one). All others wait for it. */
export const SESSIONLESS: ReadonlySet<CommandName> = new Set([
  'workshop:create',
  'workshop:preview',
  'workshop:join',
  'workshop:resume',
  'lobby:knock',
  'lobby:withdraw',
]);

/** How long a command waits for the session to be resumed before it is given up as `network`. */
export const QUEUE_WAIT_MS = 120_000;

/** The connection every client module talks through; `createConnection` builds it on Socket.IO. */
export interface Connection {
  /** The transport: connecting, online, offline. */
  readonly link: ReadonlySignal<LinkState>;
  /** True while this connection speaks for a joined participant (join or resume acknowledged on it). */
  readonly joined: ReadonlySignal<boolean>;
  /** The server said it cannot save right now (its store is unavailable); cleared by the next success. */
  readonly storeTrouble: ReadonlySignal<boolean>;
  /**
   * Sends a command and resolves with its ack. A command that needs a session waits until the session
   * is joined (again) and then goes out in the order it was made; a timeout or a lost link resolves
   * as a failed ack (`network`), a session that cannot be resumed as that refusal.
   */
  request<K extends CommandName>(
    event: K,
    payload: CommandInput<K>,
    timeoutMs?: number,
  ): Promise<Ack<CommandResult<K>>>;
  /** Droppable and unacknowledged (live strokes, cursors): sent only while joined, otherwise dropped. */
  volatile<K extends CommandName>(event: K, payload: CommandInput<K>): void;
  /** Subscribes to a server event; returns the unsubscribe. */
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void;
  /** Called on every (re)connection of the transport, and when the server forgot this connection's session. */
  onNeedsSession(listener: () => void): () => void;
  /** The session's join or resume was acknowledged: queued commands go out now, in order. */
  markJoined(): void;
  /** The session cannot come back (workshop gone, ended, removed): queued commands fail with `code`. */
  abandon(code: ErrorCode): void;
  /** Connects again after the server closed this connection (another tab took over). */
  reconnect(): void;
}

/** What the connection needs from the wire: Socket.IO in the app, an in-memory one in tests. */
export interface Transport {
  readonly connected: boolean;
  /** Resolves with the ack; rejects on timeout or when the link drops first. */
  send(event: string, payload: unknown, timeoutMs: number): Promise<unknown>;
  sendVolatile(event: string, payload: unknown): void;
  on(event: string, listener: (...args: never[]) => void): () => void;
  onState(listener: (state: LinkState) => void): void;
  reconnect(): void;
}

interface Queued {
  event: CommandName;
  payload: unknown;
  timeoutMs: number;
  resolve: (ack: Ack<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Refused once with `not_joined` and queued again: a second refusal is final. */
  retried: boolean;
}

const fail = (code: ErrorCode, message: string) => ({ ok: false, code, message }) as const;

/**
 * The one place that decides when a command may go out: never on a connection whose session is not
 * (yet) resumed, where the server would answer `not_joined` and the action would be lost.
 */
export function connectionOver(transport: Transport): Connection {
  const link = signal<LinkState>(transport.connected ? 'online' : 'connecting');
  const joined = signal(false);
  const storeTrouble = signal(false);
  transport.on('server:trouble', () => (storeTrouble.value = true));
  const queue: Queued[] = [];
  const needsSession = new Set<() => void>();
  const askSession = () => {
    for (const l of needsSession) l();
  };

  transport.onState((state) => {
    if (state !== 'online') joined.value = false;
    link.value = state;
    if (state === 'online') askSession();
  });

  function enqueue(entry: Omit<Queued, 'timer'>, front = false) {
    const queued: Queued = {
      ...entry,
      timer: setTimeout(() => {
        const i = queue.indexOf(queued);
        if (i >= 0) queue.splice(i, 1);
        entry.resolve(fail('network', 'No connection to the workshop'));
      }, QUEUE_WAIT_MS),
    };
    if (front) queue.unshift(queued);
    else queue.push(queued);
  }

  async function send(entry: Omit<Queued, 'timer'>) {
    let ack: Ack<unknown>;
    try {
      ack = (await transport.send(entry.event, entry.payload, entry.timeoutMs)) as Ack<unknown>;
    } catch {
      return entry.resolve(fail('network', 'No answer from the server'));
    }
    storeTrouble.value = !ack.ok && ack.code === 'store_unavailable';
    if (!ack.ok && ack.code === 'not_joined' && !SESSIONLESS.has(entry.event) && !entry.retried) {
      // The server no longer knows this connection's session: wait for the resume and send it again.
      joined.value = false;
      enqueue({ ...entry, retried: true }, true);
      return askSession();
    }
    entry.resolve(ack);
  }

  return {
    link,
    joined,
    storeTrouble,
    request(event, payload, timeoutMs = 10_000) {
      return new Promise((resolve) => {
        const entry = { event, payload, timeoutMs, resolve: resolve as Queued['resolve'], retried: false };
        if (SESSIONLESS.has(event) || (joined.peek() && transport.connected)) void send(entry);
        else enqueue(entry);
      });
    },
    volatile(event, payload) {
      if (joined.peek() && transport.connected) transport.sendVolatile(event, payload);
    },
    on(event, listener) {
      return transport.on(event, listener as never);
    },
    onNeedsSession(listener) {
      needsSession.add(listener);
      return () => void needsSession.delete(listener);
    },
    markJoined() {
      joined.value = true;
      for (const entry of queue.splice(0)) {
        clearTimeout(entry.timer);
        void send(entry);
      }
    },
    abandon(code) {
      joined.value = false;
      for (const entry of queue.splice(0)) {
        clearTimeout(entry.timer);
        entry.resolve(fail(code, 'The workshop session could not be resumed'));
      }
    },
    reconnect: () => transport.reconnect(),
  };
}

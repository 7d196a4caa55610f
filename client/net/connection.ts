import { signal, type ReadonlySignal } from '@preact/signals';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientToServerEvents,
  CommandInput,
  CommandName,
  CommandResult,
  ServerToClientEvents,
} from '../../shared/protocol.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LinkState = 'connecting' | 'online' | 'offline';

export interface Connection {
  readonly socket: ClientSocket;
  readonly link: ReadonlySignal<LinkState>;
  /** The server said it cannot save right now (its store is unavailable); cleared by the next success. */
  readonly storeTrouble: ReadonlySignal<boolean>;
  /** Sends a command and resolves with its ack; a timeout or a lost link resolves as a failed ack. */
  request<K extends CommandName>(
    event: K,
    payload: CommandInput<K>,
    timeoutMs?: number,
  ): Promise<Ack<CommandResult<K>>>;
  /** Subscribes to a server event; returns the unsubscribe. */
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void;
}

/** The only place that talks to socket.io-client. */
export function createConnection(url?: string): Connection {
  const socket: ClientSocket = url ? io(url) : io();
  const link = signal<LinkState>('connecting');
  socket.on('connect', () => (link.value = 'online'));
  socket.on('disconnect', () => (link.value = 'offline'));
  socket.io.on('reconnect_attempt', () => (link.value = 'connecting'));
  const storeTrouble = signal(false);
  socket.on('server:trouble', () => (storeTrouble.value = true));

  return {
    socket,
    link,
    storeTrouble,
    async request(event, payload, timeoutMs = 10_000) {
      try {
        const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> };
        const ack = (await timed.emitWithAck(event, payload)) as Ack<CommandResult<typeof event>>;
        storeTrouble.value = !ack.ok && ack.code === 'store_unavailable';
        return ack;
      } catch {
        return { ok: false, code: 'network', message: 'No answer from the server' } as const;
      }
    },
    on(event, listener) {
      socket.on(event, listener as never);
      return () => void socket.off(event, listener as never);
    },
  };
}

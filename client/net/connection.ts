import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';
import { connectionOver, type Connection, type LinkState, type Transport } from './link.js';

export type { Connection, LinkState } from './link.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Untyped = {
  emit(event: string, ...args: unknown[]): void;
  on(event: string, listener: (...args: never[]) => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
};

/** The only place that talks to socket.io-client. */
export function createConnection(url?: string): Connection {
  const socket: ClientSocket = url ? io(url) : io();
  const raw = socket as unknown as Untyped;
  const transport: Transport = {
    get connected() {
      return socket.connected;
    },
    async send(event, payload, timeoutMs) {
      const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> };
      return timed.emitWithAck(event, payload);
    },
    sendVolatile(event, payload) {
      (socket.volatile as unknown as Untyped).emit(event, payload, () => {});
    },
    on(event, listener) {
      raw.on(event, listener);
      return () => raw.off(event, listener);
    },
    onState(listener: (state: LinkState) => void) {
      socket.on('connect', () => listener('online'));
      socket.on('disconnect', () => listener('offline'));
      socket.io.on('reconnect_attempt', () => listener('connecting'));
    },
    reconnect() {
      if (!socket.connected && !socket.active) socket.connect();
    },
  };
  // For browser tests and support: drop the transport as a closed laptop lid would (Socket.IO reconnects).
  (globalThis as { __jumelageNet?: unknown }).__jumelageNet = { drop: () => socket.io.engine?.close() };
  return connectionOver(transport);
}

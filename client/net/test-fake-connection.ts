/**
 * An in-memory connection for unit tests of the client state modules (named test-* so the app never
 * imports it). It is the real `connectionOver` (queue included) over a transport that records what is
 * sent and lets the test answer, push server events, drop and restore the link.
 */
import type { Ack, CommandName, CommandResult, ErrorCode, ServerToClientEvents } from '../../shared/protocol.js';
import { connectionOver, type LinkState, type Transport } from './link.js';

export interface SentRequest {
  event: CommandName;
  payload: unknown;
  answered: boolean;
  answer(ack: Ack<unknown>): void;
}

export function createFakeConnection(opts: { online?: boolean } = {}) {
  let connected = opts.online ?? true;
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const stateListeners: ((s: LinkState) => void)[] = [];
  const requests: SentRequest[] = [];
  const volatiles: { event: string; payload: unknown }[] = [];
  const inFlight = new Set<(err: Error) => void>();
  const auto = new Map<string, (payload: unknown) => Ack<unknown>>();
  let reconnects = 0;

  const transport: Transport = {
    get connected() {
      return connected;
    },
    send(event, payload) {
      return new Promise((resolve, reject) => {
        const request: SentRequest = {
          event: event as CommandName,
          payload,
          answered: false,
          answer(ack) {
            if (request.answered) return;
            request.answered = true;
            inFlight.delete(reject);
            resolve(ack);
          },
        };
        inFlight.add(reject);
        requests.push(request);
        const handler = auto.get(event);
        if (handler) queueMicrotask(() => request.answer(handler(payload)));
      });
    },
    sendVolatile(event, payload) {
      volatiles.push({ event, payload });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (...args: unknown[]) => void);
      listeners.set(event, set);
      return () => void set.delete(listener as (...args: unknown[]) => void);
    },
    onState(listener) {
      stateListeners.push(listener);
    },
    reconnect() {
      reconnects++;
    },
  };
  const conn = connectionOver(transport);
  const setState = (s: LinkState) => {
    for (const l of stateListeners) l(s);
  };
  const pendingOf = (event: CommandName) => {
    const r = requests.find((x) => x.event === event && !x.answered);
    if (!r) throw new Error(`no unanswered "${event}" request (sent: ${requests.map((x) => x.event).join(', ')})`);
    return r;
  };

  return {
    conn,
    /** Every command that reached the wire, in order. */
    requests,
    volatiles,
    reconnects: () => reconnects,
    sent: (event: CommandName) => requests.filter((r) => r.event === event),
    /** Answers the oldest unanswered request of `event`. */
    reply<K extends CommandName>(event: K, data: CommandResult<K>) {
      pendingOf(event).answer({ ok: true, data });
    },
    refuse(event: CommandName, code: ErrorCode) {
      pendingOf(event).answer({ ok: false, code, message: code });
    },
    /** Answers every future request of `event` at once with what `answer` returns. */
    handle<K extends CommandName>(event: K, answer: (payload: unknown) => Ack<CommandResult<K>>) {
      auto.set(event, answer as (payload: unknown) => Ack<unknown>);
    },
    /** A server event reaching this client. */
    push<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>) {
      for (const l of [...(listeners.get(event) ?? [])]) l(...args);
    },
    /** The link drops: requests on their way fail, like Socket.IO's acks on a disconnect. */
    drop() {
      connected = false;
      for (const reject of [...inFlight]) reject(new Error('socket has been disconnected'));
      inFlight.clear();
      setState('offline');
    },
    /** The link is back (a new socket): the session is asked to resume. */
    restore() {
      connected = true;
      setState('online');
    },
  };
}

export type FakeConnection = ReturnType<typeof createFakeConnection>;

/** Lets pending promise callbacks run (acks resolved in tests settle in microtasks). */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

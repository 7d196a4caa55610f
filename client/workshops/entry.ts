import { signal } from '@preact/signals';
import type { Fail } from '../../shared/protocol.js';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.js';
import type { KnockTicket, WorkshopJoinInput } from '../../shared/workshops/schema.js';
import type { Connection } from '../net/connection.js';
import { deviceKey } from './device.js';
import type { WorkshopState } from './state.js';

/** [WS26] The passcode an invite link carries in its fragment (#pass=…), which browsers never send to a server. */
export function passcodeFromHash(hash: string): string | undefined {
  const pass = new URLSearchParams(hash.replace(/^#/, '')).get('pass');
  return pass?.trim() ? pass.trim() : undefined;
}

/** How often someone told "the workshop is full" tries again by themselves. */
export const FULL_RETRY_MS = 5_000;

/**
 * [WS25] The door: how a newcomer gets from the join form into the workshop. `form` until they ask;
 * `waiting` in the lobby until a moderator lets them in (`joining`) or not (`denied`); [WS27] `full`
 * while the workshop has no free place (tried again every FULL_RETRY_MS).
 */
export type DoorStatus = 'form' | 'waiting' | 'joining' | 'denied' | 'full';

type Newcomer = Omit<WorkshopJoinInput, 'v' | 'knock'>;

export function createDoor(conn: Connection, state: WorkshopState) {
  const status = signal<DoorStatus>('form');
  const deniedReason = signal('');
  let newcomer: Newcomer | null = null;
  let admitted: (() => void) | undefined;
  let ticket: KnockTicket | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    clearTimeout(retry);
    retry = undefined;
  };

  /** Joins (with the lobby's ticket when there is one); a full workshop is tried again later. */
  async function enter(): Promise<Fail | null> {
    stop();
    if (!newcomer) return null;
    if (ticket) status.value = 'joining';
    const pass = ticket ? { knock: { id: ticket.knockId, token: ticket.token } } : {};
    const refused = await state.actions.join({ ...newcomer, ...pass }, admitted);
    if (!refused) {
      status.value = 'form';
      ticket = null;
      return null;
    }
    if (refused.code === 'full') {
      status.value = 'full';
      retry = setTimeout(() => void enter(), FULL_RETRY_MS);
      return null;
    }
    // The lobby was turned on meanwhile, or the ticket is no longer valid: knock (again).
    if (refused.code === 'lobby') return knock();
    status.value = 'form';
    return refused;
  }

  async function knock(): Promise<Fail | null> {
    stop();
    if (!newcomer) return null;
    const { moderatorKey: _key, ...who } = newcomer;
    const r = await conn.request('lobby:knock', { v: PROTOCOL_VERSION, device: deviceKey(), ...who });
    if (!r.ok) {
      status.value = 'form';
      return r;
    }
    ticket = r.data;
    deniedReason.value = '';
    status.value = 'waiting';
    return r.data.admitted ? enter() : null;
  }

  const unsubscribe = [
    conn.on('lobby:admitted', ({ knockId }) => {
      if (knockId === ticket?.knockId) void enter();
    }),
    conn.on('lobby:denied', ({ knockId, reason }) => {
      if (knockId !== ticket?.knockId) return;
      ticket = null;
      deniedReason.value = reason;
      status.value = 'denied';
    }),
    // A knock waits as long as its connection: after a reconnection the page knocks again.
    conn.onNeedsSession(() => {
      if (status.peek() === 'waiting' && ticket && !ticket.admitted) void knock();
    }),
  ];

  return {
    status,
    deniedReason,
    /**
     * From the join form: straight in, or (`viaLobby`, or when the server says so) into the lobby.
     * `onAdmitted` runs when the join is acknowledged, before the page is inside.
     */
    come(input: Newcomer, viaLobby: boolean, onAdmitted?: () => void): Promise<Fail | null> {
      newcomer = input;
      admitted = onAdmitted;
      ticket = null;
      return viaLobby && !input.moderatorKey ? knock() : enter();
    },
    knockAgain: () => knock(),
    /** Leaves the lobby (or stops waiting for a place) and shows the form again. */
    async withdraw() {
      stop();
      const waited = ticket !== null;
      ticket = null;
      status.value = 'form';
      if (waited) await conn.request('lobby:withdraw', {});
    },
    dispose() {
      stop();
      unsubscribe.forEach((u) => u());
    },
  };
}

export type Door = ReturnType<typeof createDoor>;

/**
 * The store contract: one suite every WorkshopStore implementation must pass (memory and Redis).
 * (Named test-*.ts so the server build leaves it out.)
 *
 * Rules
 * STORE1  a join code (and a workshop id) can be reserved once
 * STORE2  a workshop reads back as written; unknown ids and codes read as null
 * STORE3  lock and end change the workshop; ending keeps the first end time
 * STORE4  addParticipant refuses missing, ended and locked workshops; moderators pass a lock only
 * STORE5  a participant reads back as written; everyone is listed in join order, removed ones too
 * STORE6  a raised hand keeps its first time until lowered
 * STORE7  attach returns the connection it replaced; detach only applies to the live connection
 * STORE8  presence expires only for the same drop that is still unanswered
 * STORE9  leave keeps the participant resumable; remove makes every further update return null
 * STORE10 chat history is per room, oldest first, limited, and trimmed to CHAT_HISTORY
 * STORE11 many concurrent writes end in a consistent state
 * STORE12 records handed out are copies: changing them does not change the store
 * STORE13 every participant change bumps the workshop's participant counter once and stores it in the
 *         participant's seq; concurrent changes get distinct numbers with no gap; adding and refused changes do not
 * STORE14 presence by heartbeat: only the live connection counts as seen; a sweep turns the unseen
 *         reconnecting, then offline (hand down); a heartbeat revives one the sweep thought gone
 * STORE15 [WS25] knocks read back in knock order; admitting admits each waiting knock exactly once,
 *         also when two admit at the same time; an admitted knock is taken once, with its token only;
 *         a drop "waiting only" leaves an admitted knock; a knock put back is admitted again
 * STORE16 [WS27] the occupancy limit counts people present (not offline, not removed), moderators pass
 *         it, and of many parallel joins exactly as many as there are places get in; access settings read back
 * STORE17 [CHAT4] private threads are kept apart from every room's chat; each inbox finds exactly the
 *         threads filed under it, oldest message first, each thread trimmed to its latest messages;
 *         a private message is edited and deleted in place like a room's (a deletion stays)
 * STORE18 [WS30] the counter and the ids changed since a number are read in one step (removed people
 *         included); no answer for a number ahead of the counter, an unknown workshop, or someone never
 *         numbered; fullSeq moves with the first attach and every change but presence alone
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CHAT_HISTORY, type ChatMessage } from '../../../shared/chat/schema.js';
import type { Store } from '../../store/store.js';
import type { KnockRecord, ParticipantRecord, WorkshopRecord } from './types.js';

const uid = (n = 8) => randomBytes(n).toString('hex');

export function workshopRecord(overrides: Partial<WorkshopRecord> = {}): WorkshopRecord {
  return {
    id: uid(),
    code: uid(3).toUpperCase(),
    title: 'Städtepartnerschaft Chemnitz – Łódź',
    description: 'Atelier « jumelage »',
    languages: ['de', 'pl'],
    countries: ['DE', 'PL'],
    startsAt: '2030-05-01T10:00:00+02:00',
    createdAt: 1_000,
    locked: false,
    chatLock: 'open',
    stage: 'video',
    lobby: false,
    passcode: '',
    limit: 0,
    endedAt: null,
    moderatorKeyHash: 'a'.repeat(64),
    ...overrides,
  };
}

export function participantRecord(overrides: Partial<ParticipantRecord> = {}): ParticipantRecord {
  return {
    id: uid(),
    name: 'Zoë',
    town: 'Łódź',
    languages: ['pl', 'en'],
    kind: 'person',
    headcount: 1,
    media: true,
    micOn: true,
    cameraOn: false,
    screenSharing: false,
    lowBandwidth: false,
    onStage: false,
    roomId: 'plenary',
    role: 'participant',
    presence: 'offline',
    handRaisedAt: null,
    joinedAt: 2_000,
    seq: 0,
    fullSeq: 0,
    resumeTokenHash: 'b'.repeat(64),
    connectionId: '',
    disconnectedAt: 0,
    removed: false,
    deviceHash: '',
    barred: false,
    ...overrides,
  };
}

export function knockRecord(overrides: Partial<KnockRecord> = {}): KnockRecord {
  return {
    id: uid(),
    name: 'Zoë',
    town: 'Łódź',
    languages: [],
    kind: 'person',
    headcount: 1,
    at: 4_000,
    tokenHash: 'c'.repeat(64),
    deviceHash: '',
    admitted: false,
    ...overrides,
  };
}

function chat(roomId: string, i: number): ChatMessage {
  return {
    id: `m${i}`,
    roomId,
    authorId: 'p1',
    authorName: 'Zoë',
    authorTown: 'Łódź',
    text: `message ${i} ✓`,
    at: 3_000 + i,
  };
}

export function describeStore(name: string, factory: () => Promise<Store>) {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    async function workshopWithParticipant(p: Partial<ParticipantRecord> = {}) {
      const w = workshopRecord();
      await store.createWorkshop(w);
      const participant = participantRecord(p);
      expect(await store.addParticipant(w.id, participant, { bypassLock: false })).toBe('ok');
      return { w, p: participant };
    }

    test('[STORE1] a join code can be reserved once', async () => {
      const first = workshopRecord();
      expect(await store.createWorkshop(first)).toBe(true);
      expect(await store.createWorkshop(workshopRecord({ code: first.code, title: 'Other' }))).toBe(false);
      expect(await store.workshopIdByCode(first.code)).toBe(first.id);
      expect((await store.getWorkshop(first.id))?.title).toBe(first.title);
    });

    test('[STORE1] a workshop id can be created once, even with another code', async () => {
      const first = workshopRecord();
      await store.createWorkshop(first);
      const second = workshopRecord({ id: first.id, title: 'Overwritten?' });
      expect(await store.createWorkshop(second)).toBe(false);
      expect((await store.getWorkshop(first.id))?.title).toBe(first.title);
      expect(await store.workshopIdByCode(second.code)).toBeNull();
    });

    test('[STORE2] a workshop reads back as written; unknown ones are null', async () => {
      const w = workshopRecord();
      const noDate = workshopRecord({ startsAt: null, description: '', languages: ['en'] });
      await store.createWorkshop(w);
      await store.createWorkshop(noDate);
      expect(await store.getWorkshop(w.id)).toEqual(w);
      expect(await store.getWorkshop(noDate.id)).toEqual(noDate);
      expect(await store.getWorkshop('missing')).toBeNull();
      expect(await store.workshopIdByCode('ZZZZZZ')).toBeNull();
    });

    test('[STORE3] locking and unlocking returns the changed workshop', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      expect(await store.setWorkshopLocked(w.id, true)).toEqual({ ...w, locked: true });
      expect((await store.getWorkshop(w.id))?.locked).toBe(true);
      expect((await store.setWorkshopLocked(w.id, false))?.locked).toBe(false);
      expect(await store.setWorkshopLocked('missing', true)).toBeNull();
      expect(await store.setChatLock(w.id, 'plenary')).toEqual({ ...w, locked: false, chatLock: 'plenary' });
      expect((await store.getWorkshop(w.id))?.chatLock).toBe('plenary');
      expect((await store.setChatLock(w.id, 'open'))?.chatLock).toBe('open');
      expect(await store.setChatLock('missing', 'all')).toBeNull();
      // [WS33] What everyone's stage shows.
      expect((await store.setStageView(w.id, 'board'))?.stage).toBe('board');
      expect((await store.getWorkshop(w.id))?.stage).toBe('board');
      expect(await store.setStageView('missing', 'video')).toBeNull();
    });

    test('[STORE3] ending a workshop keeps the first end time', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      expect((await store.endWorkshop(w.id, 5_000))?.endedAt).toBe(5_000);
      expect((await store.endWorkshop(w.id, 9_000))?.endedAt).toBe(5_000);
      expect((await store.getWorkshop(w.id))?.endedAt).toBe(5_000);
      expect(await store.endWorkshop('missing', 5_000)).toBeNull();
    });

    test('[STORE4] addParticipant refuses a missing, an ended and a locked workshop', async () => {
      expect(await store.addParticipant('missing', participantRecord(), { bypassLock: false })).toBe('not_found');
      const locked = workshopRecord({ locked: true });
      const ended = workshopRecord();
      await store.createWorkshop(locked);
      await store.createWorkshop(ended);
      await store.endWorkshop(ended.id, 5_000);
      expect(await store.addParticipant(locked.id, participantRecord(), { bypassLock: false })).toBe('locked');
      expect(await store.addParticipant(ended.id, participantRecord(), { bypassLock: false })).toBe('ended');
      expect(await store.listParticipants(locked.id)).toEqual([]);
      expect(await store.listParticipants(ended.id)).toEqual([]);
    });

    test('[STORE4] moderators bypass a lock but not an end', async () => {
      const w = workshopRecord({ locked: true });
      await store.createWorkshop(w);
      const mod = participantRecord({ role: 'moderator' });
      expect(await store.addParticipant(w.id, mod, { bypassLock: true })).toBe('ok');
      expect(await store.getParticipant(w.id, mod.id)).toEqual(mod);
      await store.endWorkshop(w.id, 5_000);
      expect(await store.addParticipant(w.id, participantRecord(), { bypassLock: true })).toBe('ended');
    });

    test('[STORE15] knocks read back in knock order; admitting admits each waiting knock once', async () => {
      const w = workshopRecord({ lobby: true });
      await store.createWorkshop(w);
      const [a, b, c] = [
        knockRecord({ id: 'k-b', at: 4_002, kind: 'group', headcount: 7 }),
        knockRecord({ id: 'k-a', at: 4_001, languages: ['fr', 'de'] }),
        knockRecord({ id: 'k-c', at: 4_003 }),
      ];
      for (const k of [a!, b!, c!]) await store.addKnock(w.id, k);
      expect(await store.listKnocks(w.id)).toEqual([b, a, c]);
      expect((await store.admitKnocks(w.id, ['k-b', 'missing'])).map((k) => k.id)).toEqual(['k-b']);
      expect(await store.admitKnocks(w.id, ['k-b'])).toEqual([]); // already admitted
      expect(await store.admitKnocks(w.id, 'all')).toEqual([
        { ...b, admitted: true },
        { ...c, admitted: true },
      ]);
      expect((await store.listKnocks(w.id)).every((k) => k.admitted)).toBe(true);
      expect(await store.admitKnocks(w.id, 'all')).toEqual([]);
      expect(await store.listKnocks('missing')).toEqual([]);
      expect(await store.admitKnocks('missing', 'all')).toEqual([]);
    });

    test('[STORE15] two moderators admitting everyone at once admit each knock exactly once', async () => {
      const w = workshopRecord({ lobby: true });
      await store.createWorkshop(w);
      const ids = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
      await Promise.all(ids.map((id, i) => store.addKnock(w.id, knockRecord({ id, at: 5_000 + i }))));
      const [first, second] = await Promise.all([
        store.admitKnocks(w.id, 'all'),
        store.admitKnocks(w.id, [...ids].reverse()),
      ]);
      const admitted = [...first!, ...second!].map((k) => k.id).sort();
      expect(admitted).toEqual(ids);
    });

    test('[STORE15] an admitted knock is taken once and only with its token; waiting-only drops leave it', async () => {
      const w = workshopRecord({ lobby: true });
      await store.createWorkshop(w);
      const k = knockRecord();
      await store.addKnock(w.id, k);
      expect(await store.takeAdmittedKnock(w.id, k.id, k.tokenHash)).toBeNull(); // not admitted yet
      await store.admitKnocks(w.id, [k.id]);
      expect(await store.dropKnock(w.id, k.id, { waitingOnly: true })).toBeNull();
      expect(await store.takeAdmittedKnock(w.id, k.id, 'd'.repeat(64))).toBeNull(); // wrong token
      expect(await store.takeAdmittedKnock(w.id, k.id, k.tokenHash)).toEqual({ ...k, admitted: true });
      expect(await store.takeAdmittedKnock(w.id, k.id, k.tokenHash)).toBeNull(); // once
      expect(await store.listKnocks(w.id)).toEqual([]);
      // Put back admitted (the workshop was full): taken again later.
      await store.addKnock(w.id, { ...k, admitted: true });
      expect(await store.listKnocks(w.id)).toEqual([{ ...k, admitted: true }]);
      expect(await store.takeAdmittedKnock(w.id, k.id, k.tokenHash)).toEqual({ ...k, admitted: true });
      // A waiting knock is dropped (withdrawn, denied) whatever the flag; a second drop finds nothing.
      const waiting = knockRecord();
      await store.addKnock(w.id, waiting);
      expect(await store.dropKnock(w.id, waiting.id, { waitingOnly: true })).toEqual(waiting);
      expect(await store.dropKnock(w.id, waiting.id, { waitingOnly: false })).toBeNull();
      const admitted = knockRecord();
      await store.addKnock(w.id, { ...admitted, admitted: true });
      expect(await store.dropKnock(w.id, admitted.id, { waitingOnly: false })).toEqual({ ...admitted, admitted: true });
      expect(await store.listKnocks(w.id)).toEqual([]);
    });

    test('[STORE16] the limit counts people present; moderators pass it; access settings read back', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      expect(await store.setAccess(w.id, { limit: 2, lobby: true, passcode: 'Łódź 2030' })).toMatchObject({
        limit: 2,
        lobby: true,
        passcode: 'Łódź 2030',
      });
      expect(await store.setAccess(w.id, { lobby: false })).toMatchObject({
        limit: 2,
        lobby: false,
        passcode: 'Łódź 2030',
      });
      expect(await store.getWorkshop(w.id)).toMatchObject({ limit: 2, lobby: false, passcode: 'Łódź 2030' });
      expect(await store.setAccess('missing', { limit: 3 })).toBeNull();
      const [ana, ben, cem] = [participantRecord({ presence: 'online' }), participantRecord(), participantRecord()];
      expect(await store.addParticipant(w.id, ana!, { bypassLock: false })).toBe('ok');
      expect(await store.addParticipant(w.id, { ...ben!, presence: 'reconnecting' }, { bypassLock: false })).toBe('ok');
      expect(await store.addParticipant(w.id, cem!, { bypassLock: false })).toBe('full');
      const mod = participantRecord({ role: 'moderator', presence: 'online' });
      expect(await store.addParticipant(w.id, mod, { bypassLock: true, bypassLimit: true })).toBe('ok');
      // Someone leaves (offline), someone is removed: places free up.
      await store.leave(w.id, ana!.id);
      expect(await store.addParticipant(w.id, { ...cem!, presence: 'online' }, { bypassLock: false })).toBe('full'); // the moderator counts
      await store.removeParticipant(w.id, ben!.id);
      expect(await store.addParticipant(w.id, { ...cem!, presence: 'online' }, { bypassLock: false })).toBe('ok');
      await store.setAccess(w.id, { limit: 0 });
      expect(await store.addParticipant(w.id, participantRecord({ presence: 'online' }), { bypassLock: false })).toBe(
        'ok',
      );
    });

    test('[STORE16] of many parallel joins, exactly as many as there are places get in', async () => {
      const w = workshopRecord({ limit: 7 });
      await store.createWorkshop(w);
      const people = Array.from({ length: 30 }, () => participantRecord({ presence: 'online' }));
      const results = await Promise.all(people.map((p) => store.addParticipant(w.id, p, { bypassLock: false })));
      expect(results.filter((r) => r === 'ok')).toHaveLength(7);
      expect(results.filter((r) => r === 'full')).toHaveLength(23);
      expect(await store.listParticipants(w.id)).toHaveLength(7);
    });

    test('[STORE10] a kept message is replaced in place (edit, deletion); a deletion stays; races end deleted', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      const [a, b, c] = [chat('plenary', 1), chat('plenary', 2), chat('plenary', 3)];
      for (const m of [a!, b!, c!]) await store.appendChat(w.id, m);
      const edited = { ...b!, text: 'geändert ✓', editedAt: 9_000 };
      expect(await store.replaceChat(w.id, edited)).toBe('ok');
      expect(await store.chatHistory(w.id, 'plenary', 10)).toEqual([a, edited, c]);
      const deleted = { ...a!, text: '', deleted: true, editedAt: 9_001 };
      expect(await store.replaceChat(w.id, deleted)).toBe('ok');
      expect(await store.replaceChat(w.id, { ...a!, text: 'back?' })).toBe('deleted');
      expect(await store.replaceChat(w.id, { ...a!, id: 'missing' })).toBe('not_found');
      expect(await store.replaceChat(w.id, { ...c!, roomId: 'other-room' })).toBe('not_found');
      expect(await store.chatHistory(w.id, 'plenary', 10)).toEqual([deleted, edited, c]);
      await Promise.all([
        store.replaceChat(w.id, { ...c!, text: 'edit', editedAt: 9_002 }),
        store.replaceChat(w.id, { ...c!, text: '', deleted: true, editedAt: 9_003 }),
      ]);
      expect((await store.chatHistory(w.id, 'plenary', 10))[2]).toMatchObject({ text: '', deleted: true });
    });

    test('[STORE17] private threads: filed per inbox, apart from room chat, replaced in place', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      const dm = 'dm:anna:heinz';
      const mods = 'mods:carl';
      const [a, b, c] = [chat(dm, 1), chat(mods, 2), chat(dm, 3)];
      await store.appendPrivateChat(w.id, a!, ['p:anna', 'p:heinz']);
      await store.appendPrivateChat(w.id, b!, ['p:carl', 'mods']);
      await store.appendPrivateChat(w.id, c!, ['p:anna', 'p:heinz']);
      expect(await store.privateChat(w.id, ['p:anna'], 10)).toEqual([a, c]);
      expect(await store.privateChat(w.id, ['p:heinz'], 10)).toEqual([a, c]);
      expect(await store.privateChat(w.id, ['p:carl'], 10)).toEqual([b]);
      expect(await store.privateChat(w.id, ['p:mia', 'mods'], 10)).toEqual([b]);
      expect(await store.privateChat(w.id, ['p:anna', 'p:heinz', 'mods'], 10)).toEqual([a, b, c]);
      expect(await store.privateChat(w.id, ['p:nobody'], 10)).toEqual([]);
      expect(await store.privateChat(w.id, [], 10)).toEqual([]);
      expect(await store.privateChat('missing', ['p:anna'], 10)).toEqual([]);
      // Never in a room's chat, whatever id is asked for.
      expect(await store.chatHistory(w.id, dm, 10)).toEqual([]);
      expect(await store.privateThread(w.id, dm, 1)).toEqual([c]);
      expect(await store.privateThread(w.id, dm, 10)).toEqual([a, c]);

      const edited = { ...c!, text: 'geändert ✓', editedAt: 9_000 };
      expect(await store.replacePrivateChat(w.id, edited)).toBe('ok');
      const deleted = { ...a!, text: '', deleted: true, editedAt: 9_001 };
      expect(await store.replacePrivateChat(w.id, deleted)).toBe('ok');
      expect(await store.replacePrivateChat(w.id, { ...a!, text: 'back?' })).toBe('deleted');
      expect(await store.replacePrivateChat(w.id, { ...b!, roomId: dm })).toBe('not_found');
      expect(await store.replaceChat(w.id, { ...b!, text: 'via the room chat' })).toBe('not_found');
      expect(await store.privateChat(w.id, ['p:anna'], 10)).toEqual([deleted, edited]);

      for (let i = 0; i < CHAT_HISTORY + 3; i++) await store.appendPrivateChat(w.id, chat(mods, 100 + i), ['mods']);
      const kept = await store.privateThread(w.id, mods, CHAT_HISTORY + 10);
      expect(kept).toHaveLength(CHAT_HISTORY);
      expect(kept.at(-1)?.id).toBe(`m${100 + CHAT_HISTORY + 2}`);
    });

    test('[STORE5] a participant reads back as written; unknown ones are null', async () => {
      const group = participantRecord({ kind: 'group', headcount: 12, media: false, languages: [] });
      const { w, p } = await workshopWithParticipant();
      await store.addParticipant(w.id, group, { bypassLock: false });
      expect(await store.getParticipant(w.id, p.id)).toEqual(p);
      expect(await store.getParticipant(w.id, group.id)).toEqual(group);
      expect(await store.getParticipant(w.id, 'missing')).toBeNull();
      expect(await store.getParticipant('missing', p.id)).toBeNull();
    });

    test('[STORE5] listParticipants gives everyone in join order, removed ones included', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      const ids = ['zed', 'alpha', 'mike', 'bravo'].map((n) => `${n}-${uid(2)}`);
      for (const id of ids) await store.addParticipant(w.id, participantRecord({ id }), { bypassLock: false });
      await store.removeParticipant(w.id, ids[1]!);
      const listed = await store.listParticipants(w.id);
      expect(listed.map((p) => p.id)).toEqual(ids);
      expect(listed.map((p) => p.removed)).toEqual([false, true, false, false]);
      expect(await store.listParticipants('missing')).toEqual([]);
    });

    test('[STORE5] setRole changes the role (and takes the next number) and nothing else', async () => {
      const { w, p } = await workshopWithParticipant();
      expect(await store.setRole(w.id, p.id, 'moderator')).toEqual({ ...p, role: 'moderator', seq: 1, fullSeq: 1 });
      expect((await store.getParticipant(w.id, p.id))?.role).toBe('moderator');
      expect(await store.setRole(w.id, 'missing', 'moderator')).toBeNull();
    });

    test('[STORE6] raising a hand twice keeps the first time; lowering clears it', async () => {
      const { w, p } = await workshopWithParticipant();
      expect((await store.raiseHand(w.id, p.id, 10))?.handRaisedAt).toBe(10);
      expect((await store.raiseHand(w.id, p.id, 20))?.handRaisedAt).toBe(10);
      expect((await store.lowerHand(w.id, p.id))?.handRaisedAt).toBeNull();
      expect((await store.raiseHand(w.id, p.id, 30))?.handRaisedAt).toBe(30);
      expect((await store.getParticipant(w.id, p.id))?.handRaisedAt).toBe(30);
      expect(await store.raiseHand(w.id, 'missing', 10)).toBeNull();
      expect(await store.lowerHand(w.id, 'missing')).toBeNull();
    });

    test('[STORE7] attach returns the replaced connection id and marks the participant online', async () => {
      const { w, p } = await workshopWithParticipant();
      const first = await store.attachConnection(w.id, p.id, 'conn-1');
      expect(first?.replaced).toBe('');
      expect(first?.participant).toMatchObject({ connectionId: 'conn-1', presence: 'online', disconnectedAt: 0 });
      await store.detachConnection(w.id, p.id, 'conn-1', 7_000);
      const again = await store.attachConnection(w.id, p.id, 'conn-2');
      expect(again?.replaced).toBe('');
      expect(again?.participant).toMatchObject({ connectionId: 'conn-2', presence: 'online', disconnectedAt: 0 });
      expect((await store.attachConnection(w.id, p.id, 'conn-3'))?.replaced).toBe('conn-2');
      expect(await store.attachConnection(w.id, 'missing', 'conn-4')).toBeNull();
    });

    test('[WS32] an attach takes a participant number only when others see a change', async () => {
      const { w, p } = await workshopWithParticipant();
      const first = await store.attachConnection(w.id, p.id, 'c1');
      expect(first?.changed).toBe(true);
      const seq = await store.participantsSeq(w.id);
      // A new connection of someone still online (back before their drop was recorded): nothing to tell.
      const quiet = await store.attachConnection(w.id, p.id, 'c2');
      expect(quiet).toMatchObject({
        changed: false,
        replaced: 'c1',
        participant: { connectionId: 'c2', seq: first!.participant.seq },
      });
      expect(await store.participantsSeq(w.id)).toBe(seq);
      expect((await store.participantChangesSince(w.id, seq))?.ids ?? []).toEqual([]);
      // After a recorded drop, the return is a change with its own number.
      await store.detachConnection(w.id, p.id, 'c2', 5_000);
      const back = await store.attachConnection(w.id, p.id, 'c3');
      expect(back).toMatchObject({ changed: true, participant: { presence: 'online', seq: seq + 2 } });
    });

    test('[STORE7] detach marks the drop; it is ignored when a newer connection exists', async () => {
      const { w, p } = await workshopWithParticipant();
      await store.attachConnection(w.id, p.id, 'old');
      await store.attachConnection(w.id, p.id, 'new');
      expect(await store.detachConnection(w.id, p.id, 'old', 7_000)).toBeNull();
      expect(await store.getParticipant(w.id, p.id)).toMatchObject({ connectionId: 'new', presence: 'online' });
      const dropped = await store.detachConnection(w.id, p.id, 'new', 8_000);
      expect(dropped).toMatchObject({ connectionId: '', presence: 'reconnecting', disconnectedAt: 8_000 });
      expect(await store.detachConnection(w.id, p.id, 'new', 9_000)).toBeNull();
    });

    test('[STORE8] presence expires only when it is still the same drop', async () => {
      const { w, p } = await workshopWithParticipant();
      await store.attachConnection(w.id, p.id, 'c1');
      await store.detachConnection(w.id, p.id, 'c1', 100);
      expect(await store.expirePresence(w.id, p.id, 99)).toBeNull();
      await store.attachConnection(w.id, p.id, 'c2');
      expect(await store.expirePresence(w.id, p.id, 100)).toBeNull();
      expect((await store.getParticipant(w.id, p.id))?.presence).toBe('online');
      await store.raiseHand(w.id, p.id, 150);
      await store.detachConnection(w.id, p.id, 'c2', 200);
      expect(await store.expirePresence(w.id, p.id, 200)).toMatchObject({ presence: 'offline', handRaisedAt: null });
      expect(await store.expirePresence(w.id, p.id, 200)).toBeNull();
      expect(await store.getParticipant(w.id, p.id)).toMatchObject({ presence: 'offline', connectionId: '' });
    });

    test('[STORE14] heartbeats and sweeps settle presence without the node that served the person', async () => {
      const { w, p } = await workshopWithParticipant();
      const mine = (changes: Awaited<ReturnType<Store['sweepPresence']>>) =>
        changes.filter((c) => c.workshopId === w.id).map((c) => [c.participant.id, c.participant.presence]);
      await store.attachConnection(w.id, p.id, 'c1');
      await store.raiseHand(w.id, p.id, 5);
      expect(await store.heartbeat([{ workshopId: w.id, participantId: p.id, connectionId: 'old' }], 100)).toEqual([]);
      expect(await store.heartbeat([{ workshopId: w.id, participantId: p.id, connectionId: 'c1' }], 100)).toEqual([]);
      expect(mine(await store.sweepPresence(100, 0, 1000))).toEqual([]);
      expect(mine(await store.sweepPresence(101, 0, 1000))).toEqual([[p.id, 'reconnecting']]);
      expect(await store.getParticipant(w.id, p.id)).toMatchObject({ presence: 'reconnecting', disconnectedAt: 100 });
      // The node was only slow: its next heartbeat brings the person back.
      const revived = await store.heartbeat([{ workshopId: w.id, participantId: p.id, connectionId: 'c1' }], 200);
      expect(revived.map((c) => c.participant.presence)).toEqual(['online']);
      expect(mine(await store.sweepPresence(201, 0, 1000))).toEqual([[p.id, 'reconnecting']]);
      expect(mine(await store.sweepPresence(201, 200, 1000))).toEqual([]);
      expect(mine(await store.sweepPresence(201, 201, 1000))).toEqual([[p.id, 'offline']]);
      expect(await store.getParticipant(w.id, p.id)).toMatchObject({
        presence: 'offline',
        handRaisedAt: null,
        connectionId: '',
      });
      expect(mine(await store.sweepPresence(10_000, 10_000, 1000))).toEqual([]);
    });

    test('[STORE14] a revive by heartbeat and each change of a sweep take the next participant number', async () => {
      const { w, p } = await workshopWithParticipant();
      const live = [{ workshopId: w.id, participantId: p.id, connectionId: 'c1' }];
      await store.attachConnection(w.id, p.id, 'c1');
      await store.heartbeat(live, 100);
      const before = await store.participantsSeq(w.id);
      const numbers: number[] = [];
      const take = (changes: Awaited<ReturnType<Store['sweepPresence']>>) => {
        for (const c of changes) if (c.participant.id === p.id) numbers.push(c.participant.seq);
      };
      take(await store.sweepPresence(101, 0, 1000)); // reconnecting
      take(await store.heartbeat(live, 200)); // online again
      take(await store.sweepPresence(201, 0, 1000)); // reconnecting
      take(await store.sweepPresence(201, 201, 1000)); // offline
      expect(numbers).toEqual([before + 1, before + 2, before + 3, before + 4]);
      expect(await store.participantsSeq(w.id)).toBe(before + 4);
      expect((await store.getParticipant(w.id, p.id))?.seq).toBe(before + 4);
      // Seen again with nothing to change: no number taken.
      await store.attachConnection(w.id, p.id, 'c2');
      const now = await store.participantsSeq(w.id);
      expect(await store.heartbeat([{ ...live[0]!, connectionId: 'c2' }], 300)).toEqual([]);
      expect(await store.participantsSeq(w.id)).toBe(now);
    });

    test('[STORE9] leave: offline with the hand down, and the participant can come back', async () => {
      const { w, p } = await workshopWithParticipant();
      await store.attachConnection(w.id, p.id, 'c1');
      await store.raiseHand(w.id, p.id, 10);
      expect(await store.leave(w.id, p.id)).toMatchObject({
        presence: 'offline',
        connectionId: '',
        handRaisedAt: null,
        removed: false,
      });
      expect((await store.attachConnection(w.id, p.id, 'c2'))?.participant.presence).toBe('online');
      expect(await store.leave(w.id, 'missing')).toBeNull();
    });

    test('[STORE9] after removeParticipant every further update returns null', async () => {
      const { w, p } = await workshopWithParticipant();
      await store.attachConnection(w.id, p.id, 'c1');
      await store.raiseHand(w.id, p.id, 10);
      const removed = await store.removeParticipant(w.id, p.id);
      expect(removed).toMatchObject({
        id: p.id,
        removed: true,
        barred: true,
        presence: 'offline',
        connectionId: '',
        handRaisedAt: null,
      });
      expect(await store.removeParticipant(w.id, p.id)).toBeNull();
      expect(await store.setRole(w.id, p.id, 'moderator')).toBeNull();
      expect(await store.raiseHand(w.id, p.id, 20)).toBeNull();
      expect(await store.lowerHand(w.id, p.id)).toBeNull();
      expect(await store.attachConnection(w.id, p.id, 'c2')).toBeNull();
      expect(await store.detachConnection(w.id, p.id, '', 30)).toBeNull();
      expect(await store.expirePresence(w.id, p.id, 0)).toBeNull();
      expect(await store.leave(w.id, p.id)).toBeNull();
      expect(await store.getParticipant(w.id, p.id)).toEqual({ ...p, ...removed });
      expect(await store.removeParticipant(w.id, 'missing')).toBeNull();
    });

    test('[STORE9] a removed participant is barred until let back in; only removed ones can be', async () => {
      const { w, p } = await workshopWithParticipant();
      const other = participantRecord({ deviceHash: 'd'.repeat(64) });
      await store.addParticipant(w.id, other, { bypassLock: false });
      expect(await store.getParticipant(w.id, other.id)).toMatchObject({ deviceHash: 'd'.repeat(64), barred: false });
      expect(await store.letBackIn(w.id, p.id)).toBeNull();
      await store.removeParticipant(w.id, p.id);
      expect(await store.letBackIn(w.id, p.id)).toMatchObject({ id: p.id, removed: true, barred: false });
      expect(await store.getParticipant(w.id, p.id)).toMatchObject({ removed: true, barred: false });
      // Still removed: nothing else about them changes.
      expect(await store.raiseHand(w.id, p.id, 20)).toBeNull();
      expect(await store.letBackIn(w.id, 'missing')).toBeNull();
    });

    test('[STORE10] chat history is per room, oldest first, and limited to the latest messages', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      for (let i = 0; i < 5; i++) await store.appendChat(w.id, chat('plenary', i));
      await store.appendChat(w.id, chat('room-2', 99));
      expect(await store.chatHistory(w.id, 'plenary', 10)).toEqual([0, 1, 2, 3, 4].map((i) => chat('plenary', i)));
      expect((await store.chatHistory(w.id, 'plenary', 2)).map((m) => m.id)).toEqual(['m3', 'm4']);
      expect(await store.chatHistory(w.id, 'room-2', 10)).toEqual([chat('room-2', 99)]);
      expect(await store.chatHistory(w.id, 'empty-room', 10)).toEqual([]);
    });

    test('[STORE10] chat history is trimmed to CHAT_HISTORY messages', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      const total = CHAT_HISTORY + 7;
      for (let i = 0; i < total; i++) await store.appendChat(w.id, chat('plenary', i));
      const history = await store.chatHistory(w.id, 'plenary', total);
      expect(history).toHaveLength(CHAT_HISTORY);
      expect(history[0]?.id).toBe('m7');
      expect(history.at(-1)?.id).toBe(`m${total - 1}`);
    });

    test('[STORE11] concurrent raises of one hand keep exactly one of the times', async () => {
      const { w, p } = await workshopWithParticipant();
      const times = Array.from({ length: 50 }, (_, i) => 1_000 + i);
      const results = await Promise.all(times.map((t) => store.raiseHand(w.id, p.id, t)));
      const kept = (await store.getParticipant(w.id, p.id))?.handRaisedAt;
      expect(times).toContain(kept);
      expect(new Set(results.map((r) => r?.handRaisedAt))).toEqual(new Set([kept]));
    });

    test('[STORE11] concurrent joins, raises and a lock end consistent', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      const people = Array.from({ length: 60 }, (_, i) => participantRecord({ id: `p${i}-${uid(2)}`, joinedAt: i }));
      // The lock is issued in the middle of the joins: joins issued after it must be refused.
      const add = (p: ParticipantRecord) => store.addParticipant(w.id, p, { bypassLock: false });
      const first = people.slice(0, 30).map(add);
      const lock = store.setWorkshopLocked(w.id, true);
      const later = people.slice(30).map(add);
      const results = await Promise.all([...first, ...later]);
      await lock;
      expect(results.every((r) => r === 'ok' || r === 'locked')).toBe(true);
      expect(results.slice(30).every((r) => r === 'locked')).toBe(true);
      const admitted = people.filter((_, i) => results[i] === 'ok');
      const listed = await store.listParticipants(w.id);
      expect(new Set(listed.map((p) => p.id))).toEqual(new Set(admitted.map((p) => p.id)));
      expect(listed).toHaveLength(admitted.length);

      await Promise.all(admitted.map((p, i) => store.raiseHand(w.id, p.id, 10_000 + i)));
      const raised = await store.listParticipants(w.id);
      expect(raised.map((p) => p.handRaisedAt)).toEqual(admitted.map((_, i) => 10_000 + i));
    });

    test('[STORE13] every participant change takes the next number of the workshop counter', async () => {
      const { w, p } = await workshopWithParticipant();
      const other = participantRecord();
      await store.addParticipant(w.id, other, { bypassLock: false });
      expect(await store.participantsSeq(w.id)).toBe(0); // adding is announced by the attach that follows
      expect((await store.attachConnection(w.id, p.id, 'c1'))?.participant.seq).toBe(1);
      expect((await store.raiseHand(w.id, other.id, 5))?.seq).toBe(2);
      expect((await store.updateMedia(w.id, p.id, { micOn: false })) as ParticipantRecord).toMatchObject({ seq: 3 });
      expect(await store.detachConnection(w.id, p.id, 'not-live', 6)).toBeNull();
      expect((await store.detachConnection(w.id, p.id, 'c1', 6))?.seq).toBe(4);
      expect((await store.expirePresence(w.id, p.id, 6))?.seq).toBe(5);
      expect((await store.setRole(w.id, other.id, 'moderator'))?.seq).toBe(6);
      expect((await store.removeParticipant(w.id, other.id))?.seq).toBe(7);
      expect(await store.lowerHand(w.id, other.id)).toBeNull(); // removed: refused, no number taken
      expect((await store.leave(w.id, p.id))?.seq).toBe(8);
      expect(await store.participantsSeq(w.id)).toBe(8);
      expect(await store.participantsSeq('missing')).toBe(0);
      expect((await store.getParticipant(w.id, p.id))?.seq).toBe(8);
    });

    test('[STORE13] concurrent changes of many participants get distinct numbers without a gap', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      const people = Array.from({ length: 20 }, () => participantRecord());
      for (const p of people) await store.addParticipant(w.id, p, { bypassLock: false });
      const results = await Promise.all(
        people.flatMap((p, i) => [store.raiseHand(w.id, p.id, i), store.lowerHand(w.id, p.id)]),
      );
      expect(results.every((r) => r !== null)).toBe(true);
      expect(await store.participantsSeq(w.id)).toBe(40);
      const seqs = results.map((r) => r!.seq).sort((a, b) => a - b);
      // Each change saw its own number (a later read may show a newer one, never an older).
      expect(new Set(seqs).size).toBeGreaterThanOrEqual(20);
      const listed = await store.listParticipants(w.id);
      expect(Math.max(...listed.map((p) => p.seq))).toBe(40);
    });

    test('[STORE18][WS30] who changed since a number: their ids with the counter, removed people included', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      const [a, b, c] = [participantRecord(), participantRecord(), participantRecord()];
      for (const p of [a, b, c]) await store.addParticipant(w.id, p, { bypassLock: false });
      for (const p of [a, b, c]) await store.attachConnection(w.id, p.id, `c-${p.id}`); // 1, 2, 3
      expect(await store.participantChangesSince(w.id, 0)).toEqual({ seq: 3, ids: [a.id, b.id, c.id] });
      await store.raiseHand(w.id, b.id, 10); // 4
      await store.removeParticipant(w.id, c.id); // 5
      await store.raiseHand(w.id, b.id, 11); // 6 (still up: a number all the same)
      const since3 = await store.participantChangesSince(w.id, 3);
      expect(since3?.seq).toBe(6);
      expect(new Set(since3?.ids)).toEqual(new Set([b.id, c.id]));
      expect(await store.participantChangesSince(w.id, 5)).toEqual({ seq: 6, ids: [b.id] });
      expect(await store.participantChangesSince(w.id, 6)).toEqual({ seq: 6, ids: [] });
      const [readB, readC] = await store.getParticipants(w.id, [b.id, c.id, 'nobody']);
      expect(readB).toMatchObject({ id: b.id, seq: 6, handRaisedAt: 10 });
      expect(readC).toMatchObject({ id: c.id, seq: 5, removed: true });
    });

    test('[STORE18][WS30] fullSeq: the first attach and every change but presence alone move it', async () => {
      const { w, p } = await workshopWithParticipant();
      const full = async () => (await store.getParticipant(w.id, p.id))?.fullSeq;
      const live = [{ workshopId: w.id, participantId: p.id, connectionId: 'c1' }];
      expect(await full()).toBe(0);
      await store.attachConnection(w.id, p.id, 'c1'); // 1: the first attach counts
      expect(await full()).toBe(1);
      await store.detachConnection(w.id, p.id, 'c1', 10); // 2: presence alone
      await store.attachConnection(w.id, p.id, 'c1'); // 3
      await store.heartbeat(live, 100);
      await store.sweepPresence(200, 0, 1000); // 4: reconnecting, presence alone
      await store.heartbeat(live, 300); // 5: online again
      expect(await full()).toBe(1);
      await store.raiseHand(w.id, p.id, 400); // 6
      expect(await full()).toBe(6);
      await store.detachConnection(w.id, p.id, 'c1', 500); // 7
      await store.expirePresence(w.id, p.id, 500); // 8: offline with the hand lowered
      expect(await store.getParticipant(w.id, p.id)).toMatchObject({ seq: 8, fullSeq: 8 });
    });

    test('[STORE18][WS30] no answer for a number ahead of the counter, an unknown workshop, or someone never numbered', async () => {
      const { w, p } = await workshopWithParticipant();
      expect(await store.participantChangesSince(w.id, 0)).toBeNull(); // added, not yet attached
      await store.attachConnection(w.id, p.id, 'c1');
      expect(await store.participantChangesSince(w.id, 0)).toEqual({ seq: 1, ids: [p.id] });
      expect(await store.participantChangesSince(w.id, 2)).toBeNull();
      expect(await store.participantChangesSince('missing', 0)).toBeNull();
      expect(await store.getParticipants('missing', [p.id])).toEqual([]);
    });

    test('[STORE12] records handed out are copies', async () => {
      const { w, p } = await workshopWithParticipant();
      const readW = await store.getWorkshop(w.id);
      readW!.languages.push('fr');
      readW!.locked = true;
      const readP = await store.getParticipant(w.id, p.id);
      readP!.languages.push('fr');
      readP!.role = 'moderator';
      const [listed] = await store.listParticipants(w.id);
      listed!.name = 'changed';
      expect(await store.getWorkshop(w.id)).toEqual(w);
      expect(await store.getParticipant(w.id, p.id)).toEqual(p);
    });
  });
}

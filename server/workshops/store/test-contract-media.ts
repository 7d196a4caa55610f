/**
 * The media part of the store contract, run against memory and Redis (server/workshops/store/media-store.test.ts).
 * (Named test-*.ts so the server build leaves it out.)
 *
 * STORE-M1 media flags read back as written; a patch changes only its own fields
 * STORE-M2 with guardStage, turning the microphone, camera or screen sharing on is refused in a stage room
 *          unless moderator or on stage; turning them off is always allowed
 * STORE-M3 stage rooms are per workshop and toggle
 * STORE-M4 setRoom moves a participant; removed or unknown participants give null
 * STORE-M5 concurrent mic toggles and a stage switch never leave an audience member unmuted
 * STORE-M6 camera and screen toggles racing a stage switch are refused once the room is on stage
 * STORE-M7 someone added to a stage room as audience comes in muted, camera off; moderators and other rooms as asked
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Store } from '../../store/store.js';
import { participantRecord, workshopRecord } from './test-contract.js';

export function describeMediaStore(name: string, factory: () => Promise<Store>) {
  describe(`media store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    async function setup(...overrides: Parameters<typeof participantRecord>[0][]) {
      const w = workshopRecord();
      await store.createWorkshop(w);
      const people = overrides.map((o) => participantRecord(o));
      for (const p of people) await store.addParticipant(w.id, p, { bypassLock: true });
      return { w, people };
    }

    test('[STORE-M1] media flags read back; a patch changes only its fields', async () => {
      const { w, people } = await setup({ micOn: true, cameraOn: true });
      const p = people[0]!;
      expect(await store.getParticipant(w.id, p.id)).toMatchObject({
        micOn: true,
        cameraOn: true,
        screenSharing: false,
        lowBandwidth: false,
        onStage: false,
      });
      const after = await store.updateMedia(w.id, p.id, { cameraOn: false, screenSharing: true });
      // A media change is more than presence: it moves the participant's fullSeq too ([WS30]).
      expect(after).toEqual({ ...p, cameraOn: false, screenSharing: true, seq: 1, fullSeq: 1 });
      expect(await store.updateMedia(w.id, p.id, { lowBandwidth: true, onStage: true, micOn: undefined })).toEqual({
        ...p,
        cameraOn: false,
        screenSharing: true,
        lowBandwidth: true,
        onStage: true,
        seq: 2,
        fullSeq: 2,
      });
      expect(await store.getParticipant(w.id, p.id)).toMatchObject({ micOn: true, lowBandwidth: true });
      expect(await store.updateMedia(w.id, 'missing', { micOn: false })).toBeNull();
      await store.removeParticipant(w.id, p.id);
      expect(await store.updateMedia(w.id, p.id, { micOn: false })).toBeNull();
    });

    test('[STORE-M2] the stage guard refuses an unmute, camera or screen share from the audience only', async () => {
      const { w, people } = await setup(
        { micOn: false },
        { micOn: false, role: 'moderator' },
        { micOn: false, onStage: true },
        { micOn: false, roomId: 'room-2' },
      );
      const [audience, mod, onStage, elsewhere] = people as [
        (typeof people)[0],
        (typeof people)[0],
        (typeof people)[0],
        (typeof people)[0],
      ];
      await store.setStage(w.id, 'plenary', true);
      expect(await store.updateMedia(w.id, audience!.id, { micOn: true }, { guardStage: true })).toBe('stage');
      expect((await store.getParticipant(w.id, audience!.id))?.micOn).toBe(false);
      expect(await store.updateMedia(w.id, audience!.id, { cameraOn: true, micOn: false }, { guardStage: true })).toBe(
        'stage',
      );
      expect(await store.updateMedia(w.id, audience!.id, { screenSharing: true }, { guardStage: true })).toBe('stage');
      expect(await store.getParticipant(w.id, audience!.id)).toMatchObject({
        micOn: false,
        cameraOn: false,
        screenSharing: false,
      });
      const off = { micOn: false, cameraOn: false, screenSharing: false, lowBandwidth: true };
      expect((await store.updateMedia(w.id, audience!.id, off, { guardStage: true })) as object).toMatchObject(off);
      const on = { micOn: true, cameraOn: true, screenSharing: true };
      expect((await store.updateMedia(w.id, mod.id, on, { guardStage: true })) as object).toMatchObject(on);
      expect((await store.updateMedia(w.id, onStage.id, on, { guardStage: true })) as object).toMatchObject(on);
      expect((await store.updateMedia(w.id, elsewhere.id, on, { guardStage: true })) as object).toMatchObject(on);
      // Without the guard (a moderator's own decisions) the write always applies.
      expect((await store.updateMedia(w.id, audience!.id, { micOn: true })) as object).toMatchObject({ micOn: true });
      await store.setStage(w.id, 'plenary', false);
      expect(
        (await store.updateMedia(w.id, audience!.id, { micOn: true }, { guardStage: true })) as object,
      ).toMatchObject({ micOn: true });
    });

    test('[STORE-M3] stage rooms are per workshop and toggle', async () => {
      const { w } = await setup();
      const { w: other } = await setup();
      expect(await store.stageRooms(w.id)).toEqual([]);
      await store.setStage(w.id, 'plenary', true);
      await store.setStage(w.id, 'room-2', true);
      await store.setStage(w.id, 'room-2', true);
      expect(await store.stageRooms(w.id)).toEqual(['plenary', 'room-2']);
      expect(await store.stageRooms(other.id)).toEqual([]);
      await store.setStage(w.id, 'plenary', false);
      expect(await store.stageRooms(w.id)).toEqual(['room-2']);
    });

    test('[STORE-M7] a late joiner of a stage room is audience: microphone and camera off', async () => {
      const { w } = await setup();
      await store.setStage(w.id, 'plenary', true);
      const wants = { micOn: true, cameraOn: true };
      const late = participantRecord(wants);
      const mod = participantRecord({ ...wants, role: 'moderator' });
      const elsewhere = participantRecord({ ...wants, roomId: 'room-2' });
      for (const p of [late, mod, elsewhere])
        expect(await store.addParticipant(w.id, p, { bypassLock: false })).toBe('ok');
      expect(await store.getParticipant(w.id, late.id)).toMatchObject({ micOn: false, cameraOn: false });
      expect(await store.getParticipant(w.id, mod.id)).toMatchObject(wants);
      expect(await store.getParticipant(w.id, elsewhere.id)).toMatchObject(wants);
      // Ending the stage does not turn anything on by itself.
      await store.setStage(w.id, 'plenary', false);
      expect(await store.getParticipant(w.id, late.id)).toMatchObject({ micOn: false, cameraOn: false });
    });

    test('[STORE-M4] setRoom moves a participant', async () => {
      const { w, people } = await setup({});
      const p = people[0]!;
      expect(await store.setRoom(w.id, p.id, 'room-7')).toEqual({ ...p, roomId: 'room-7', seq: 1, fullSeq: 1 });
      expect((await store.getParticipant(w.id, p.id))?.roomId).toBe('room-7');
      expect(await store.setRoom(w.id, 'missing', 'room-7')).toBeNull();
      await store.removeParticipant(w.id, p.id);
      expect(await store.setRoom(w.id, p.id, 'plenary')).toBeNull();
    });

    test('[STORE-M5] unmutes racing a stage switch and its mute pass leave the audience muted', async () => {
      const { w, people } = await setup(...Array.from({ length: 20 }, () => ({ micOn: false })));
      const toggles = people.flatMap((p) => [store.updateMedia(w.id, p.id, { micOn: true }, { guardStage: true })]);
      const stage = store
        .setStage(w.id, 'plenary', true)
        .then(() => Promise.all(people.map((p) => store.updateMedia(w.id, p.id, { micOn: false }))));
      const late = stage.then(() =>
        Promise.all(people.map((p) => store.updateMedia(w.id, p.id, { micOn: true }, { guardStage: true }))),
      );
      await Promise.all([...toggles, stage]);
      expect(new Set(await late)).toEqual(new Set(['stage']));
      expect((await store.listParticipants(w.id)).map((p) => p.micOn)).toEqual(people.map(() => false));
    });

    test('[STORE-M6] camera and screen toggles racing a stage switch are refused once the room is on stage', async () => {
      const { w, people } = await setup(
        ...Array.from({ length: 20 }, () => ({ cameraOn: false, screenSharing: false })),
      );
      const toggles = people.map((p, i) =>
        store.updateMedia(w.id, p.id, i % 2 ? { cameraOn: true } : { screenSharing: true }, { guardStage: true }),
      );
      const stage = store.setStage(w.id, 'plenary', true);
      const late = stage.then(() =>
        Promise.all(
          people.map((p, i) =>
            store.updateMedia(w.id, p.id, i % 2 ? { screenSharing: true } : { cameraOn: true }, { guardStage: true }),
          ),
        ),
      );
      await Promise.all([...toggles, stage]);
      expect(new Set(await late)).toEqual(new Set(['stage']));
    });
  });
}

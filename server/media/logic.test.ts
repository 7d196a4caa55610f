import { describe, expect, test } from 'vitest';
import { CommandError, type ErrorCode } from '../../shared/command.js';
import { participantRecord } from '../workshops/store/test-contract.js';
import type { ParticipantRecord } from '../workshops/store/types.js';
import * as logic from './logic.js';

function refusal(fn: () => unknown): ErrorCode | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof CommandError) return err.code;
    throw err;
  }
}

const p = (o: Partial<ParticipantRecord>) => participantRecord({ presence: 'online', ...o });

describe('[MEDIA1] who may signal whom', () => {
  const ana = p({ id: 'ana' });
  test.each<[string, ParticipantRecord | null, ErrorCode | null]>([
    ['same room', p({ id: 'ben' }), null],
    ['reconnecting target', p({ id: 'ben', presence: 'reconnecting' }), null],
    ['unknown (or another workshop)', null, 'not_found'],
    ['removed', p({ id: 'ben', removed: true }), 'not_found'],
    ['offline', p({ id: 'ben', presence: 'offline' }), 'not_found'],
    ['another room', p({ id: 'ben', roomId: 'room-2' }), 'forbidden'],
    ['target without media', p({ id: 'ben', media: false }), 'forbidden'],
    ['oneself', ana, 'forbidden'],
  ])('%s', (_name, target, expected) => {
    expect(refusal(() => logic.checkSignal(ana, target))).toBe(expected);
  });
  test('a sender without media', () => {
    expect(refusal(() => logic.checkSignal(p({ id: 'x', media: false }), p({ id: 'ben' })))).toBe('forbidden');
  });
});

describe('media flags and moderation', () => {
  test('[MEDIA2] without media only low bandwidth may change', () => {
    const phone = p({ media: false, micOn: false, cameraOn: false });
    expect(refusal(() => logic.checkUpdate(phone, { micOn: true }))).toBe('forbidden');
    expect(refusal(() => logic.checkUpdate(phone, { cameraOn: true }))).toBe('forbidden');
    expect(refusal(() => logic.checkUpdate(phone, { screenSharing: true }))).toBe('forbidden');
    expect(logic.checkUpdate(phone, { lowBandwidth: true, micOn: false })).toEqual({
      lowBandwidth: true,
      micOn: false,
    });
  });

  test('[MEDIA5] in stage mode only moderators and people on stage may unmute', () => {
    expect(logic.mayUnmute(p({}), ['plenary'])).toBe(false);
    expect(logic.mayUnmute(p({ onStage: true }), ['plenary'])).toBe(true);
    expect(logic.mayUnmute(p({ role: 'moderator' }), ['plenary'])).toBe(true);
    expect(logic.mayUnmute(p({ roomId: 'room-2' }), ['plenary'])).toBe(true);
    expect(logic.mayUnmute(p({}), [])).toBe(true);
    const everyone = [
      p({ id: 'a', micOn: true }),
      p({ id: 'b', micOn: true, onStage: true }),
      p({ id: 'm', role: 'moderator', micOn: true }),
      p({ id: 'c', micOn: true, roomId: 'r2' }),
      p({ id: 'd', micOn: false }),
    ];
    expect(logic.stageMuteTargets('plenary', everyone).map((x) => x.id)).toEqual(['a']);
  });

  test('[MEDIA4] asking to unmute: muted, present, allowed to speak', () => {
    const mod = p({ id: 'm', role: 'moderator' });
    expect(refusal(() => logic.checkAskUnmute(mod, p({ micOn: false }), []))).toBeNull();
    expect(refusal(() => logic.checkAskUnmute(mod, p({ micOn: true }), []))).toBe('conflict');
    expect(refusal(() => logic.checkAskUnmute(mod, p({ micOn: false }), ['plenary']))).toBe('conflict');
    expect(refusal(() => logic.checkAskUnmute(mod, p({ micOn: false, presence: 'offline' }), []))).toBe('not_found');
    expect(refusal(() => logic.checkAskUnmute(mod, p({ micOn: false, media: false }), []))).toBe('conflict');
    expect(refusal(() => logic.checkAskUnmute(mod, mod, []))).toBe('forbidden');
  });

  test('[MEDIA6] mute everyone: the room, not moderators, not the actor, not those already muted', () => {
    const mod = p({ id: 'm', role: 'moderator' });
    const everyone = [
      mod,
      p({ id: 'a' }),
      p({ id: 'b', role: 'moderator' }),
      p({ id: 'c', roomId: 'r2' }),
      p({ id: 'd', micOn: false }),
      p({ id: 'e', removed: true }),
      p({ id: 'f', media: false }),
    ];
    expect(logic.muteAllTargets(mod, everyone).map((x) => x.id)).toEqual(['a']);
  });

  test('[MEDIA7] leaving the stage mutes; joining it does not unmute', () => {
    expect(logic.stagePatch(true)).toEqual({ onStage: true });
    expect(logic.stagePatch(false)).toEqual({ onStage: false, micOn: false });
  });
});

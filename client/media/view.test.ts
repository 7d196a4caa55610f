import { describe, expect, it } from 'vitest';
import { PLENARY } from '../../shared/rooms.js';
import { TOP_LAYER } from '../../shared/media/sfu.js';
import { person } from '../workshops/test-fixtures.js';
import { newSpeaker, SPEAKING_HOLD_MS, speakingNow } from './speaking.js';
import { buildTiles, chooseFocus, type RoomView, sfuWants } from './view.js';

/** A stand-in for a MediaStreamTrack: only identity matters to these rules. */
const track = (id: string) => ({ id }) as unknown as MediaStreamTrack;

const anna = person('anna', { media: true, micOn: true, cameraOn: true });
const heinz = person('heinz', { media: true, micOn: true, cameraOn: true });
const ola = person('ola', { media: true, micOn: false, cameraOn: false });

function room(over: Partial<RoomView> = {}): RoomView {
  return {
    me: anna,
    members: [anna, heinz, ola],
    stageRooms: [],
    peers: new Map([
      ['heinz', { state: 'connected', audio: track('h-a'), video: track('h-v') }],
      ['ola', { state: 'connecting', audio: track('o-a'), video: null }],
    ]),
    speaking: new Set(),
    localVideo: track('self'),
    ...over,
  };
}

describe('media view rules', () => {
  it('[MEDIA-V1] one tile per person, self first as listed; video and audio only as each person has them on', () => {
    const tiles = buildTiles(room());
    expect(tiles.map((t) => [t.p.id, t.isSelf, t.state])).toEqual([
      ['anna', true, 'self'],
      ['heinz', false, 'connected'],
      ['ola', false, 'connecting'],
    ]);
    expect(tiles[0]!.video?.id).toBe('self');
    expect(tiles[1]!.video?.id).toBe('h-v');
    expect(tiles[1]!.audio?.id).toBe('h-a');
    // Ola's microphone and camera are off: no audio is played and the name card is shown.
    expect(tiles[2]!.audio).toBeNull();
    expect(tiles[2]!.video).toBeNull();
  });

  it('[MEDIA-V2] low bandwidth on either side shows name cards; a muted person is never shown speaking', () => {
    const mine = buildTiles(room({ me: { ...anna, lowBandwidth: true } }));
    expect(mine[1]!.video).toBeNull();
    expect(mine[1]!.audio?.id).toBe('h-a');
    const theirs = buildTiles(room({ members: [anna, { ...heinz, lowBandwidth: true }, ola] }));
    expect(theirs[1]!.video).toBeNull();
    const talking = buildTiles(room({ speaking: new Set(['heinz', 'ola']) }));
    expect(talking.map((t) => t.speaking)).toEqual([false, true, false]);
  });

  it('[MEDIA-V3] during a stage only people on stage get a tile (the audience is listed, not tiled)', () => {
    const stage = [PLENARY];
    const tiles = buildTiles(room({ stageRooms: stage, members: [{ ...anna, role: 'moderator' }, heinz, ola] }));
    expect(tiles.map((t) => t.p.id)).toEqual(['anna']);
    const invited = buildTiles(room({ stageRooms: stage, members: [anna, { ...heinz, onStage: true }, ola] }));
    expect(invited.map((t) => t.p.id)).toEqual(['heinz']);
  });

  it('[MEDIA-V4] focus: pinned, else a screen (someone else before self), else the last speaker, else the first other', () => {
    const sharing = buildTiles(
      room({ members: [{ ...anna, screenSharing: true }, heinz, { ...ola, screenSharing: true }] }),
    );
    expect(chooseFocus(sharing, 'heinz', null)).toBe('heinz');
    expect(chooseFocus(sharing, null, 'heinz')).toBe('ola');
    const tiles = buildTiles(room());
    expect(chooseFocus(tiles, 'gone', 'ola')).toBe('ola');
    expect(chooseFocus(tiles, null, null)).toBe('heinz');
    expect(chooseFocus(buildTiles(room({ members: [anna] })), null, null)).toBe('anna');
    expect(chooseFocus([], null, null)).toBeNull();
  });

  it('[MEDIA-V5] the SFU is asked for the audio of everyone and one page of videos, the focus first and in full', () => {
    const many = Array.from({ length: 20 }, (_, i) => person(`p${String(i).padStart(2, '0')}`, { cameraOn: true }));
    const v = { me: anna, members: [anna, ...many], stageRooms: [] };
    const wants = sfuWants(v, 'p19', 'speaker');
    expect(wants.filter((w) => w.kind === 'audio')).toHaveLength(20);
    const videos = wants.filter((w) => w.kind === 'video');
    expect(videos).toHaveLength(16);
    expect(TOP_LAYER).toBeGreaterThan(0);
    expect(videos[0]).toEqual({ participantId: 'p19', kind: 'video', layer: TOP_LAYER });
    expect(new Set(videos.slice(1).map((w) => w.layer))).toEqual(new Set([0]));
    // Few videos: each in full; in the gallery the focus gets no more than the rest.
    const small = sfuWants({ me: anna, members: [anna, heinz, ola], stageRooms: [] }, 'heinz', 'gallery');
    expect(small).toEqual([
      { participantId: 'heinz', kind: 'audio' },
      { participantId: 'ola', kind: 'audio' },
      { participantId: 'heinz', kind: 'video', layer: TOP_LAYER },
    ]);
    // Low bandwidth: audio only.
    expect(
      sfuWants({ ...v, me: { ...anna, lowBandwidth: true } }, 'p19', 'speaker').every((w) => w.kind === 'audio'),
    ).toBe(true);
  });

  it('[MEDIA-V6] speaking holds for a moment after the last sound; the new speaker is someone else who just began', () => {
    const heard = new Map([
      ['anna', 1_000],
      ['heinz', 1_000 + SPEAKING_HOLD_MS],
    ]);
    expect([...speakingNow(heard, 1_000 + SPEAKING_HOLD_MS - 1)].sort()).toEqual(['anna', 'heinz']);
    expect([...speakingNow(heard, 1_000 + SPEAKING_HOLD_MS)]).toEqual(['heinz']);
    expect(newSpeaker(new Set(['heinz']), new Set(['heinz', 'anna', 'ola']), 'anna')).toBe('ola');
    expect(newSpeaker(new Set(), new Set(['anna']), 'anna')).toBeNull();
  });
});

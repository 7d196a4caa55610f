import { describe, expect, test } from 'vitest';
import { CommandError } from '../../shared/command.js';
import { mediaPath, TOP_LAYER } from '../../shared/media/sfu.js';
import { participantRecord } from '../workshops/store/test-contract.js';
import type { SfuFeed } from './store/types.js';
import { allowedTargets, checkPublish, pickServer, sdpMids, subscriptionDiff, targetKey } from './logic.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof CommandError) return err.code;
    throw err;
  }
  return 'ok';
};

describe('[MEDIA13] the path of a room', () => {
  test('more media participants than MESH_MAX_PEERS and an SFU available: sfu; otherwise the mesh', () => {
    const sfu = { available: true, meshMaxPeers: 4 };
    expect(mediaPath(4, sfu)).toBe('mesh');
    expect(mediaPath(5, sfu)).toBe('sfu');
    expect(mediaPath(80, { ...sfu, available: false })).toBe('mesh');
    expect(mediaPath(80, null)).toBe('mesh');
  });
});

describe('placement', () => {
  test('the least loaded answering instance wins; ties go to the first listed', () => {
    expect(pickServer(['a', 'b', 'c'], { a: 2, b: 1, c: 1 })).toBe('b');
    expect(pickServer(['a', 'b'], {})).toBe('a');
    expect(pickServer(['b'], { a: 0, b: 9 })).toBe('b');
    expect(pickServer([], { a: 0 })).toBeNull();
  });

  test('the publisher mids are read from its offer', () => {
    const sdp = 'v=0\r\nm=audio 9 UDP 111\r\na=mid:0\r\nm=video 9 UDP 96\r\na=mid:1\r\nm=video 9 UDP 96\r\na=mid:2\r\n';
    expect(sdpMids(sdp)).toEqual({ audio: '0', video: '1' });
    expect(sdpMids('v=0\r\nm=application 9 x\r\na=mid:0\r\n')).toEqual({});
  });
});

describe('[MEDIA14] what a subscriber may receive', () => {
  const ana = participantRecord({ id: 'ana', cameraOn: true });
  const ben = participantRecord({ id: 'ben' });
  const cleo = participantRecord({ id: 'cleo', roomId: 'room-2' });
  const gone = participantRecord({ id: 'gone', removed: true });
  const people = new Map([ana, ben, cleo, gone].map((p) => [p.id, p]));
  const feeds: Record<string, SfuFeed> = {
    ana: { roomId: 'plenary', janusRoom: 7, feed: 70, mids: { audio: '0', video: '1' } },
    cleo: { roomId: 'room-2', janusRoom: 8, feed: 80, mids: { audio: '0' } },
  };

  test('streams of a publisher in the same room, by the publisher mid of each kind', () => {
    const got = allowedTargets(
      ben,
      [
        { participantId: 'ana', kind: 'audio' },
        { participantId: 'ana', kind: 'video', layer: 0 },
      ],
      people,
      feeds,
      7,
      [],
    );
    expect(got).toEqual([
      { participantId: 'ana', kind: 'audio', feed: 70, mid: '0', layer: TOP_LAYER },
      { participantId: 'ana', kind: 'video', feed: 70, mid: '1', layer: 0 },
    ]);
  });

  test('someone in another room is forbidden, an unknown or removed id not_found', () => {
    expect(code(() => allowedTargets(ben, [{ participantId: 'cleo', kind: 'audio' }], people, feeds, 7, []))).toBe(
      'forbidden',
    );
    expect(code(() => allowedTargets(ben, [{ participantId: 'gone', kind: 'audio' }], people, feeds, 7, []))).toBe(
      'not_found',
    );
    expect(code(() => allowedTargets(ben, [{ participantId: 'otto', kind: 'audio' }], people, feeds, 7, []))).toBe(
      'not_found',
    );
  });

  test('not yet publishing, or in the audience of a stage: nothing, without an error', () => {
    expect(allowedTargets(ana, [{ participantId: 'ben', kind: 'audio' }], people, feeds, 7, [])).toEqual([]);
    expect(allowedTargets(ben, [{ participantId: 'ana', kind: 'audio' }], people, feeds, 7, ['plenary'])).toEqual([]);
    expect(code(() => checkPublish(ben, ['plenary']))).toBe('forbidden');
    expect(code(() => checkPublish({ ...ben, onStage: true }, ['plenary']))).toBe('ok');
    expect(code(() => checkPublish({ ...ben, media: false }, []))).toBe('forbidden');
  });

  test('a subscription changes by what is added, dropped and moved to another layer', () => {
    const t = (feed: number, mid: string, layer = 2) => ({
      participantId: `p${feed}`,
      kind: 'video' as const,
      feed,
      mid,
      layer,
    });
    const current = new Map([t(1, '1'), t(2, '1'), t(3, '1')].map((x) => [targetKey(x), x]));
    const diff = subscriptionDiff(current, [t(1, '1'), t(2, '1', 0), t(4, '1')]);
    expect(diff.add).toEqual([t(4, '1')]);
    expect(diff.drop).toEqual([t(3, '1')]);
    expect(diff.relayer).toEqual([t(2, '1', 0)]);
  });
});

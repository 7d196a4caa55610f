/**
 * CODEC1 every record reads back from its stored form exactly as written
 * CODEC2 a stored value that is not what the code expects fails loudly, naming the record and the field
 */
import { describe, expect, test } from 'vitest';
import { pollRecord } from '../../polls/store/test-contract.js';
import { participantRecord, workshopRecord } from '../../workshops/store/test-contract.js';
import {
  decodeChatMessage,
  decodeHashtags,
  decodeParticipant,
  decodePoll,
  decodeTruths,
  decodeVote,
  decodeWorkshop,
  encodeParticipant,
  encodePollDefinition,
  encodePollState,
  encodeWorkshop,
  hashReply,
  StoredDataError,
} from './codec.js';

const hash = (flat: string[]) => hashReply(flat, 'test')!;

describe('redis codec', () => {
  test('[CODEC1] workshops, participants and polls read back as written', () => {
    const w = workshopRecord({ endedAt: 5_000, locked: true });
    expect(decodeWorkshop(hash(encodeWorkshop(w)))).toEqual(w);
    const p = participantRecord({ handRaisedAt: 3_000, role: 'moderator', presence: 'reconnecting' });
    expect(decodeParticipant(hash(encodeParticipant(p)))).toEqual(p);
    const poll = pollRecord({ status: 'open', openedAt: 2_000, deadline: 9_000, rooms: ['plenary', 'r1'] });
    expect(decodePoll(hash([...encodePollDefinition(poll), ...encodePollState(poll), 'rev', '3']))).toEqual(poll);
    expect(decodeWorkshop({})).toBeNull();
    expect(decodeParticipant(hashReply(null, 'test'))).toBeNull();
  });

  test('[CODEC1][TRUTH7] a two-truths game stored before the hashtags variant reads as a statements game; hashtags read back', () => {
    const game = {
      id: 'g1',
      roomId: 'plenary',
      voteSec: 20,
      phase: 'collect',
      order: [],
      current: -1,
      statements: null,
      deadline: null,
      reveals: [],
    };
    expect(decodeTruths(JSON.stringify({ version: 3, games: [game] })).games[0]!.variant).toBe('statements');
    expect(
      decodeTruths(JSON.stringify({ version: 3, games: [{ ...game, variant: 'hashtags' }] })).games[0]!.variant,
    ).toBe('hashtags');
    expect(decodeHashtags('["#Chor","#Łódź","#rower"]')).toEqual(['#Chor', '#Łódź', '#rower']);
    expect(() => decodeHashtags('["#Chor"]')).toThrow(StoredDataError);
  });

  test('[CODEC2] a wrong stored value is refused with the record and the field it concerns', () => {
    const p = participantRecord();
    const tampered = { ...hash(encodeParticipant(p)), role: 'admin' };
    expect(() => decodeParticipant(tampered)).toThrow(StoredDataError);
    expect(() => decodeParticipant(tampered)).toThrow(new RegExp(`participant ${p.id}.*role`, 's'));
    expect(() => decodeVote('{"c":["o1"],"t":"","w":"heavy","r":"plenary","at":1}')).toThrow(/vote.*w/s);
    expect(() => decodeChatMessage('not json')).toThrow(/chat message/);
  });
});

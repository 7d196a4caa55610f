/**
 * Every Redis key of the app, under one prefix so tests (and several deployments) can share a server.
 * A workshop's keys all start with `<prefix>w:<workshopId>`.
 */
export function redisKeys(prefix: string) {
  const w = (id: string) => `${prefix}w:${id}`;
  return {
    code: (code: string) => `${prefix}code:${code}`,
    workshop: w,
    participantIds: (id: string) => `${w(id)}:pids`,
    participant: (id: string, pid: string) => `${w(id)}:p:${pid}`,
    /** The participant counter (see WorkshopStore). */
    participantsSeq: (id: string) => `${w(id)}:pseq`,
    /**
     * [WS30] Sorted set: participant id by the number of their last change. Kept by the scripts that bump
     * the counter, as `<counter key>:changed` (server/workshops/store/scripts.ts).
     */
    participantChanges: (id: string) => `${w(id)}:pseq:changed`,
    chat: (id: string, room: string) => `${w(id)}:chat:${room}`,
    /** [CHAT4] A private thread's messages, and the set of thread ids filed under an inbox (`p:<id>` or `mods`). */
    privateThread: (id: string, thread: string) => `${w(id)}:pm:${thread}`,
    inbox: (id: string, inbox: string) => `${w(id)}:pmi:${inbox}`,
    /** [WS25] The lobby: knock id -> knock JSON, and the set of admitted knock ids. */
    lobby: (id: string) => `${w(id)}:lobby`,
    lobbyAdmitted: (id: string) => `${w(id)}:lobby:admitted`,
    /** Media: set of room ids in stage mode. */
    stage: (id: string) => `${w(id)}:stage`,
    breakouts: (id: string) => `${w(id)}:breakouts`,
    /** [BR28] 1-2-4-All: `n:<participantId>` -> note, `c:<roomId>` -> the four's card. */
    breakoutsNested: (id: string) => `${w(id)}:breakouts:nested`,
    /** The agenda: version, run sheet json, template sheet json. */
    agenda: (id: string) => `${w(id)}:agenda`,
    /** Sorted set of workshop ids by the deadline of their open breakout round. */
    breakoutsDue: () => `${prefix}breakouts:due`,
    /** Speaking rounds (version, state json) of a workshop, and the sorted set of workshops by their next deadline. */
    speaking: (id: string) => `${w(id)}:speaking`,
    speakingDue: () => `${prefix}speaking:due`,
    /** [SPEAK12] The rounds' claims on people's stage: participant id -> 'granted' | 'released'. */
    speakingStage: (id: string) => `${w(id)}:speaking:stage`,
    /** Two truths and a lie: games (version, json), open votes, statements per author, guesses per vote; workshops by next deadline. */
    truths: (id: string) => `${w(id)}:truths`,
    truthsOpen: (id: string) => `${w(id)}:truths:open`,
    truthsEntries: (id: string) => `${w(id)}:truths:entries`,
    /** [TRUTH8] Three hashtags per person (participant id -> json). */
    truthsHashtags: (id: string) => `${w(id)}:truths:hashtags`,
    truthsGuesses: (id: string, key: string) => `${w(id)}:truths:g:${key}`,
    truthsDue: () => `${prefix}truths:due`,
    /** The fishbowl (version, state json) of a workshop. */
    fishbowl: (id: string) => `${w(id)}:fishbowl`,
    /** Gallery comments: comment id -> json, author -> comments held, and the set of reactions. */
    gallery: (id: string) => ({
      comments: `${w(id)}:gallery:c`,
      counts: `${w(id)}:gallery:n`,
      reactions: `${w(id)}:gallery:r`,
    }),
    /** The idea market (version, state json) of a workshop. */
    market: (id: string) => `${w(id)}:market`,
    /** [MKT3] Sorted set: workshop id by the end of its running pitch. */
    marketDue: () => `${prefix}market:due`,
    /** The barcamp (version, state json) of a workshop. */
    barcamp: (id: string) => `${w(id)}:barcamp`,
    lock: (name: string) => `${prefix}lock:${name}`,
    /** [WS15] Sorted set: "workshopId participantId" of everyone online or reconnecting, by last sighting. */
    seen: () => `${prefix}presence:seen`,
    /** [WS16] Sorted set: "workshopId code" by the time the workshop may be forgotten. */
    expiries: () => `${prefix}expiries`,
    /** Rate limiter counters (rate-limiter-flexible adds `:<key>`). */
    limiter: (name: string) => `${prefix}rl:${name}`,
    polls: (id: string) => `${w(id)}:polls`,
    poll: (id: string, pollId: string) => `${w(id)}:poll:${pollId}`,
    votes: (id: string, pollId: string) => `${w(id)}:poll:${pollId}:votes`,
    boards: (id: string) => `${w(id)}:boards`,
    board: (id: string, roomId: string) => {
      const base = `${w(id)}:b:${roomId}`;
      return { meta: `${base}:meta`, log: `${base}:log`, snap: `${base}:snap` };
    },
    shots: (id: string) => `${w(id)}:shots`,
    shotPrefix: (id: string) => `${w(id)}:shot:`,
    /** SFU: room id -> placement JSON, participant id -> feed JSON (server/sfu/store/scripts.ts). */
    sfuRooms: (id: string) => `${w(id)}:sfu:rooms`,
    sfuFeeds: (id: string) => `${w(id)}:sfu:feeds`,
    /** SFU: Janus instance -> rooms placed there, across workshops. */
    sfuLoad: () => `${prefix}sfu:load`,
    /** SFU: the ids of workshops that have placed rooms. */
    sfuWorkshops: () => `${prefix}sfu:workshops`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;

/** Socket.IO room names. One place, so a typo cannot send an event to nobody. */
export const rooms = {
  workshop: (workshopId: string) => `w:${workshopId}`,
  moderators: (workshopId: string) => `w:${workshopId}:mods`,
  participant: (workshopId: string, participantId: string) => `w:${workshopId}:p:${participantId}`,
  room: (workshopId: string, roomId: string) => `w:${workshopId}:r:${roomId}`,
  /** [WS25] The socket knocking at the lobby with this knock. */
  knock: (workshopId: string, knockId: string) => `w:${workshopId}:knock:${knockId}`,
  /** Everyone who voted on a poll whose results show after voting. */
  pollVoters: (workshopId: string, pollId: string) => `w:${workshopId}:poll:${pollId}:voters`,
  /** Sockets whose cached member is current (member-cache.ts); no event is ever sent to it. */
  memberCache: () => 'member-cache',
};

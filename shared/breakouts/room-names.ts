import type { BreakoutView } from './schema.js';

/**
 * Room id -> the name people saw: the current rooms (an unnamed one is "Room n" by its place in the
 * list, as the breakouts section shows it) and closed rooms from the archive (an unnamed one by its
 * place among the rooms closed with it). The plenary is not listed: callers name it themselves.
 */
export function breakoutRoomNames(
  view: Pick<BreakoutView, 'rooms' | 'archive'> | null,
  roomN: (n: number) => string,
): Map<string, string> {
  const names = new Map<string, string>();
  if (!view) return names;
  const sessions = new Map<number, number>();
  for (const a of view.archive) {
    const n = (sessions.get(a.closedAt) ?? 0) + 1;
    sessions.set(a.closedAt, n);
    names.set(a.id, a.name || roomN(n));
  }
  view.rooms.forEach((r, i) => names.set(r.id, r.name || roomN(i + 1)));
  return names;
}

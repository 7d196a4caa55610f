import type { galleryCommands } from '../../shared/gallery/events.js';
import { itemKey } from '../../shared/gallery/rules.js';
import { GALLERY_LIMITS, type GalleryChange, type GalleryItem } from '../../shared/gallery/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import { isRunningRoom } from '../breakouts/logic.js';
import type { Feature } from '../features.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps, HandlerTable, Member } from '../realtime/types.js';
import * as logic from './logic.js';

type GalleryHandlers = Pick<HandlerTable, keyof typeof galleryCommands>;

const actorOf = (m: Member): logic.GalleryActor => ({
  id: m.actor.id,
  name: m.actor.name,
  town: m.actor.town,
  moderator: m.actor.role === 'moderator',
});

/** Gallery comments and reactions: load the facts, decide with pure logic, one atomic store write, tell everyone. */
export function galleryFeature(deps: Deps): Feature<keyof typeof galleryCommands> {
  const { store } = deps;

  async function facts(workshopId: string, item: GalleryItem): Promise<logic.ItemFacts> {
    const [breakouts, exists] = await Promise.all([
      item.roomId === PLENARY ? null : store.breakouts.get(workshopId),
      item.snapshotId
        ? store.boards
            .listSnapshots(workshopId)
            .then((l) => l.some((s) => s.id === item.snapshotId && s.roomId === item.roomId))
        : item.roomId === PLENARY ||
          store.boards.listBoards(workshopId).then((l) => l.some((b) => b.roomId === item.roomId)),
    ]);
    return { exists, running: breakouts !== null && isRunningRoom(breakouts, item.roomId) };
  }

  const tell = (workshopId: string, change: GalleryChange) =>
    deps.io.to(rooms.workshop(workshopId)).emit('gallery:updated', change);

  const handlers: GalleryHandlers = {
    'gallery:comment': async ({ item, text }, { member }) => {
      const w = member.workshop.id;
      logic.checkItem(await facts(w, item));
      const comment = logic.newComment(item, text, actorOf(member), {
        now: deps.clock(),
        newId: () => deps.ids.id(12),
      });
      logic.checkAdded(await store.gallery.addComment(w, comment, GALLERY_LIMITS));
      tell(w, { kind: 'comment', comment });
      return comment;
    },
    'gallery:uncomment': async ({ id }, { member }) => {
      const w = member.workshop.id;
      logic.checkDelete(await store.gallery.getComment(w, id), actorOf(member));
      // Deleted by someone else meanwhile: gone either way.
      if (await store.gallery.removeComment(w, id)) tell(w, { kind: 'uncomment', id });
      return { id };
    },
    'gallery:react': async ({ item, reaction, on }, { member }) => {
      const w = member.workshop.id;
      logic.checkItem(await facts(w, item));
      const entry = { key: itemKey(item), reaction, by: member.actor.id };
      const changed = await store.gallery.react(w, entry, on);
      if (changed) tell(w, { kind: 'react', ...entry, on });
      return { changed };
    },
    'gallery:sync': async (_input, { member }) => store.gallery.view(member.workshop.id),
  };
  return { handlers, start() {}, stop: async () => {} };
}

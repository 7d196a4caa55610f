/**
 * Boards: one per room. What travels is (a) intents from clients, (b) resolved operations the
 * server numbers and logs, (c) per-viewer views of both. See RULES.md and the README (Boards).
 */
import { z } from 'zod';
import { BOARD_LIMITS, CARD_COLORS, INK_COLORS, type BoardSettings } from './constants.js';

export * from './constants.js';

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
export const roomIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const coord = z.number().finite().min(-BOARD_LIMITS.coord).max(BOARD_LIMITS.coord);
const size = z.number().finite().min(-BOARD_LIMITS.coord).max(BOARD_LIMITS.coord);
const ink = z.enum(INK_COLORS);
/** Flat x, y pairs; one pass over the numbers (strokes are the hot path, thousands of numbers). */
const pointList = (min: number, max: number) =>
  z
    .array(z.number())
    .min(min)
    .max(max)
    .refine(
      (p) => p.length % 2 === 0 && p.every((v) => v >= -BOARD_LIMITS.coord && v <= BOARD_LIMITS.coord),
      'x, y pairs within the board',
    );
const pos = { id: idSchema, x: coord, y: coord };

const strokeNew = z.object({
  kind: z.literal('stroke'),
  ...pos,
  tool: z.enum(['pen', 'highlighter']),
  color: ink,
  width: z.number().min(1).max(60),
  /** Flat x, y pairs relative to (x, y). */
  points: pointList(2, BOARD_LIMITS.strokePoints * 2),
});
const shapeNew = z.object({
  kind: z.literal('shape'),
  ...pos,
  shape: z.enum(['line', 'arrow', 'rect', 'ellipse']),
  color: ink,
  width: z.number().min(1).max(40),
  /** The second corner (or end point) relative to (x, y). */
  w: size,
  h: size,
});
const textNew = z.object({
  kind: z.literal('text'),
  ...pos,
  text: z.string().trim().min(1).max(BOARD_LIMITS.text),
  color: ink,
  size: z.number().min(10).max(120),
});
const cardNew = z.object({
  kind: z.literal('card'),
  ...pos,
  text: z.string().trim().min(1).max(BOARD_LIMITS.cardText),
  color: z.enum(CARD_COLORS),
  clusterId: idSchema.nullable().default(null),
});
const clusterNew = z.object({
  kind: z.literal('cluster'),
  ...pos,
  w: z.number().min(80).max(10_000),
  h: z.number().min(60).max(10_000),
  heading: z.string().trim().max(BOARD_LIMITS.heading),
});
const imageNew = z.object({
  kind: z.literal('image'),
  ...pos,
  w: z.number().min(8).max(10_000),
  h: z.number().min(8).max(10_000),
  src: z
    .string()
    .max(BOARD_LIMITS.imageChars)
    .regex(/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/, 'a PNG, JPEG, GIF or WebP data URL'),
  alt: z.string().trim().max(200).default(''),
});
const dotNew = z.object({ kind: z.literal('dot'), id: idSchema, cardId: idSchema });

export const newItemSchema = z.discriminatedUnion('kind', [
  strokeNew,
  shapeNew,
  textNew,
  cardNew,
  clusterNew,
  imageNew,
  dotNew,
]);
export type NewItem = z.output<typeof newItemSchema>;

export const patchSchema = z
  .object({
    x: coord,
    y: coord,
    text: z.string().trim().min(1).max(BOARD_LIMITS.text),
    color: z.union([ink, z.enum(CARD_COLORS)]),
    clusterId: idSchema.nullable(),
    heading: z.string().trim().max(BOARD_LIMITS.heading),
    w: size,
    h: size,
  })
  .partial()
  .strict();
export type Patch = z.output<typeof patchSchema>;
export type PatchField = keyof Patch;

/** Fields a patch may change, per kind. */
export const PATCHABLE: Record<ItemKind, readonly PatchField[]> = {
  stroke: ['x', 'y', 'color'],
  shape: ['x', 'y', 'color', 'w', 'h'],
  text: ['x', 'y', 'text', 'color'],
  card: ['x', 'y', 'text', 'color', 'clusterId'],
  cluster: ['x', 'y', 'w', 'h', 'heading'],
  image: ['x', 'y', 'w', 'h'],
  dot: [],
};

/** Stored items: what the client sent plus what the server adds (author, round). */
type Authored = { by: string };
export type StrokeItem = z.output<typeof strokeNew> & Authored;
export type ShapeItem = z.output<typeof shapeNew> & Authored;
export type TextItem = z.output<typeof textNew> & Authored;
export type CardItem = z.output<typeof cardNew> &
  Authored & {
    authorName: string;
    anonymous: boolean;
    round: number;
    /** Only in views: the text is withheld until the moderator reveals the cards. */
    hidden?: boolean;
  };
export type ClusterItem = z.output<typeof clusterNew> & Authored;
export type ImageItem = z.output<typeof imageNew> & Authored;
export type DotItem = z.output<typeof dotNew> & Authored & { round: number };
export type Item = StrokeItem | ShapeItem | TextItem | CardItem | ClusterItem | ImageItem | DotItem;
export type ItemKind = Item['kind'];

export type SettingsPatch = Partial<BoardSettings>;

/** What a moderator may change directly (rounds are started with startCards / startDots). */
export const settingsPatchSchema = z
  .object({
    header: z.string().trim().max(BOARD_LIMITS.header),
    locked: z.boolean(),
    drawing: z.enum(['everyone', 'moderators']),
    cardsOpen: z.boolean(),
    cardLimit: z.number().int().min(0).max(BOARD_LIMITS.cardLimit),
    cardsHidden: z.boolean(),
    cardsAnonymous: z.boolean(),
    dotsOpen: z.boolean(),
    dotBudget: z.number().int().min(1).max(BOARD_LIMITS.dotBudget),
    dotsPerCard: z.number().int().min(1).max(BOARD_LIMITS.dotBudget),
    dotsLive: z.boolean(),
    /** Starts a new card round: per-person limits count afresh and collecting opens. */
    startCards: z.literal(true),
    /** Starts a new dot round: budgets are full again and voting opens. */
    startDots: z.literal(true),
  })
  .partial()
  .strict();
export type SettingsInput = z.output<typeof settingsPatchSchema>;

/** An intent sent by a client: the server resolves it against the board into an operation. */
export const intentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('add'), item: newItemSchema }),
  z.object({ type: z.literal('update'), id: idSchema, patch: patchSchema }),
  z.object({ type: z.literal('remove'), ids: z.array(idSchema).min(1).max(BOARD_LIMITS.removeIds) }),
]);
export type Intent = z.output<typeof intentSchema>;

/** The item an op's patch applies to, as far as views need to know it. */
export interface ItemRef {
  kind: ItemKind;
  by: string;
  anonymous?: boolean;
}

/** A resolved operation, as logged: applying the log in seq order gives the board. */
export type BoardOpBody =
  | { kind: 'put'; items: Item[] }
  | { kind: 'patch'; id: string; ref: ItemRef; before: Patch; after: Patch }
  | { kind: 'remove'; items: Item[] }
  | { kind: 'settings'; before: SettingsPatch; after: SettingsPatch }
  /** Only in views: an operation this viewer may not see (keeps the sequence gap-free). */
  | { kind: 'noop' };
export type BoardOp = BoardOpBody & {
  seq: number;
  /** The actor; in views, blank unless it is the viewer. */
  by: string;
  at: number;
  /** Set when this op undoes (or redoes) the op with this seq. */
  revertOf?: number;
};

/** A board as serialised: items in z-order (first = bottom). */
export interface BoardSnapshot {
  seq: number;
  settings: BoardSettings;
  items: Item[];
}

export const boardRefSchema = z.object({ roomId: roomIdSchema.optional() });
export const boardOpSchema = boardRefSchema.extend({ op: intentSchema });
export const boardRevertSchema = boardRefSchema.extend({ seq: z.number().int().min(1) });
export const boardSyncSchema = boardRefSchema.extend({
  sinceSeq: z.number().int().min(0).default(0),
  full: z.boolean().default(false),
});
export const boardSettingsSchema = boardRefSchema.extend({ patch: settingsPatchSchema });
export const boardLiveSchema = boardRefSchema.extend({
  strokeId: idSchema,
  tool: z.enum(['pen', 'highlighter', 'line', 'arrow', 'rect', 'ellipse']),
  color: ink,
  width: z.number().min(1).max(60),
  /** Absolute x, y pairs since the previous message; shapes send their two corners. */
  points: pointList(0, BOARD_LIMITS.livePoints * 2),
  /** Shapes replace what was sent before instead of extending it. */
  replace: z.boolean().default(false),
  end: z.boolean().default(false),
});
export const boardCursorSchema = boardRefSchema.extend({
  x: coord,
  y: coord,
  laser: z.boolean().default(false),
  gone: z.boolean().default(false),
});
export const boardSnapshotTakeSchema = boardRefSchema.extend({ label: z.string().trim().max(80).default('') });
export const boardSnapshotGetSchema = z.object({ roomId: roomIdSchema, snapshotId: idSchema });
export const boardListSchema = z.object({}).strict();

/** What a client receives for one board: either ops to apply after `sinceSeq`, or a whole view. */
export type BoardSync =
  | { roomId: string; kind: 'ops'; head: number; ops: BoardOp[] }
  | { roomId: string; kind: 'snapshot'; head: number; snapshot: BoardSnapshot };

export interface BoardOpsEvent {
  roomId: string;
  ops: BoardOp[];
}
export interface BoardLiveEvent {
  roomId: string;
  by: string;
  name: string;
  strokeId: string;
  tool: z.output<typeof boardLiveSchema>['tool'];
  color: string;
  width: number;
  points: number[];
  replace: boolean;
  end: boolean;
}
export interface BoardCursorEvent {
  roomId: string;
  by: string;
  name: string;
  x: number;
  y: number;
  laser: boolean;
  gone: boolean;
}

export interface BoardSummary {
  roomId: string;
  /** A name given by whoever created the board (e.g. the breakout room's name); '' for the plenary. */
  label: string;
  head: number;
  updatedAt: number;
  /** Set when the room closed (breakouts); the gallery walk shows closed rooms. */
  closedAt: number | null;
}

export interface SnapshotInfo {
  id: string;
  roomId: string;
  label: string;
  seq: number;
  at: number;
}

export interface OpResult {
  roomId: string;
  op: BoardOp;
}

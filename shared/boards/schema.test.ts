import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../protocol.js';
import { BOARD_LIMITS, boardOpSchema } from './schema.js';

const stroke = (points: number[]) => ({
  op: { type: 'add', item: { kind: 'stroke', id: 's1', x: 0, y: 0, tool: 'pen', color: '#1d2430', width: 3, points } },
});
const ok = (payload: unknown) => boardOpSchema.safeParse(payload).success;

describe('board limits in the schemas', () => {
  test('[LIMIT1] strokes: x, y pairs, finite, on the board, at most the point limit', () => {
    expect(ok(stroke([0, 0, 10, 10]))).toBe(true);
    expect(ok(stroke([0, 0, 10]))).toBe(false);
    expect(ok(stroke([0, 0, BOARD_LIMITS.coord + 1, 0]))).toBe(false);
    expect(ok(stroke([0, 0, Number.NaN, 0]))).toBe(false);
    expect(ok(stroke(Array(BOARD_LIMITS.strokePoints * 2).fill(1)))).toBe(true);
    expect(ok(stroke(Array(BOARD_LIMITS.strokePoints * 2 + 2).fill(1)))).toBe(false);
  });

  test('[LIMIT2] cards, texts and images have size limits; images are data URLs of pictures', () => {
    const card = (text: string) => ({
      op: { type: 'add', item: { kind: 'card', id: 'c1', x: 0, y: 0, text, color: '#fff176' } },
    });
    expect(ok(card('x'.repeat(BOARD_LIMITS.cardText)))).toBe(true);
    expect(ok(card('x'.repeat(BOARD_LIMITS.cardText + 1)))).toBe(false);
    expect(ok(card('   '))).toBe(false);
    const image = (src: string) => ({
      op: { type: 'add', item: { kind: 'image', id: 'i1', x: 0, y: 0, w: 100, h: 80, src } },
    });
    expect(ok(image('data:image/png;base64,iVBORw0KGgo='))).toBe(true);
    expect(ok(image('data:image/svg+xml;base64,PHN2Zz4='))).toBe(false);
    expect(ok(image('https://example.org/a.png'))).toBe(false);
    expect(ok(image(`data:image/jpeg;base64,${'A'.repeat(BOARD_LIMITS.imageChars)}`))).toBe(false);
    expect(COMMANDS['board:op'].maxBytes).toBeGreaterThan(BOARD_LIMITS.imageChars);
    expect(COMMANDS['board:live'].maxBytes).toBeLessThan(16 * 1024);
  });

  test('[LIMIT3] one remove names at most the limit of items, and colours come from the palettes', () => {
    expect(
      ok({ op: { type: 'remove', ids: Array.from({ length: BOARD_LIMITS.removeIds + 1 }, (_, i) => `i${i}`) } }),
    ).toBe(false);
    expect(ok({ op: { type: 'update', id: 'x', patch: { color: '#123456' } } })).toBe(false);
    expect(ok({ op: { type: 'update', id: 'x', patch: { owner: 'me' } } })).toBe(false);
  });
});

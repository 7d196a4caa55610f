import type { Item } from '../../shared/boards/schema.js';

export const CARD_W = 180;
export const CARD_H = 120;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The rectangle an item covers on the board (text is estimated from its length). */
export function itemBounds(item: Item): Box | null {
  switch (item.kind) {
    case 'stroke': {
      let minX = Infinity,
        minY = Infinity,
        maxX = -Infinity,
        maxY = -Infinity;
      for (let i = 0; i < item.points.length; i += 2) {
        minX = Math.min(minX, item.points[i]!);
        maxX = Math.max(maxX, item.points[i]!);
        minY = Math.min(minY, item.points[i + 1]!);
        maxY = Math.max(maxY, item.points[i + 1]!);
      }
      const pad = item.width / 2;
      return { x: item.x + minX - pad, y: item.y + minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad };
    }
    case 'shape':
      return {
        x: item.x + Math.min(0, item.w),
        y: item.y + Math.min(0, item.h),
        w: Math.abs(item.w),
        h: Math.abs(item.h),
      };
    case 'text': {
      const lines = item.text.split('\n');
      return {
        x: item.x,
        y: item.y,
        w: Math.max(...lines.map((l) => l.length)) * item.size * 0.6,
        h: lines.length * item.size * 1.25,
      };
    }
    case 'card':
      return { x: item.x, y: item.y, w: CARD_W, h: CARD_H };
    case 'cluster':
    case 'image':
      return { x: item.x, y: item.y, w: item.w, h: item.h };
    case 'dot':
      return null;
  }
}

export function union(boxes: (Box | null)[]): Box | null {
  let out: Box | null = null;
  for (const b of boxes) {
    if (!b) continue;
    if (!out) out = { ...b };
    else {
      const x = Math.min(out.x, b.x);
      const y = Math.min(out.y, b.y);
      out = { x, y, w: Math.max(out.x + out.w, b.x + b.w) - x, h: Math.max(out.y + out.h, b.y + b.h) - y };
    }
  }
  return out;
}

export function contains(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;
}

/** Word-wraps text into at most maxLines lines of about maxChars characters. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      if (!word) continue;
      let w = word;
      while (w.length > maxChars) {
        if (line) lines.push(line), (line = '');
        lines.push(w.slice(0, maxChars));
        w = w.slice(maxChars);
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= maxChars) line += ` ${w}`;
      else lines.push(line), (line = w);
    }
    lines.push(line);
  }
  if (lines.length > maxLines) return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`];
  return lines;
}

/** Smooth path through flat x, y pairs (quadratic curves through midpoints). */
export function smoothPath(points: readonly number[], dx = 0, dy = 0): string {
  const n = points.length / 2;
  const px = (i: number) => (points[2 * i]! + dx).toFixed(1);
  const py = (i: number) => (points[2 * i + 1]! + dy).toFixed(1);
  if (n === 0) return '';
  if (n === 1) return `M${px(0)} ${py(0)} l0.1 0`;
  let d = `M${px(0)} ${py(0)}`;
  for (let i = 1; i < n - 1; i++) {
    const mx = ((points[2 * i]! + points[2 * i + 2]!) / 2 + dx).toFixed(1);
    const my = ((points[2 * i + 1]! + points[2 * i + 3]!) / 2 + dy).toFixed(1);
    d += ` Q${px(i)} ${py(i)} ${mx} ${my}`;
  }
  return `${d} L${px(n - 1)} ${py(n - 1)}`;
}

/** Thins a stroke to at most max points, keeping the ends. */
export function thin(points: number[], max: number): number[] {
  const n = points.length / 2;
  if (n <= max) return points;
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (n - 1)) / (max - 1));
    out.push(points[2 * i]!, points[2 * i + 1]!);
  }
  return out;
}

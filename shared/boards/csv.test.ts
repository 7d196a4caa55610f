import { describe, expect, test } from 'vitest';
import { cardsCsv } from './csv.js';
import type { Item } from './schema.js';

const headers = { text: 'Text', author: 'Autor/in', cluster: 'Cluster', dots: 'Punkte' };
const card = (id: string, text: string, extra: Partial<Extract<Item, { kind: 'card' }>> = {}): Item => ({
  kind: 'card',
  id,
  x: 0,
  y: 0,
  text,
  color: '#fff176',
  clusterId: null,
  by: 'p1',
  authorName: 'Zoë',
  anonymous: false,
  round: 1,
  ...extra,
});

describe('cards as CSV', () => {
  test('[CARD5] UTF-8 BOM, quoted fields, CRLF; anonymous cards without author, hidden cards left out; by cluster, then dots', () => {
    const items: Item[] = [
      { kind: 'cluster', id: 'k1', x: 0, y: 0, w: 400, h: 300, heading: 'Jugend', by: 'm' },
      card('a', 'Radtour, "an der Oder"'),
      card('b', 'Chorfahrt nach Łódź', { clusterId: 'k1', anonymous: true, authorName: 'Secret' }),
      card('c', 'Sprachcafé', { clusterId: 'k1' }),
      card('d', '', { hidden: true, authorName: '' }),
      card('e', '=HYPERLINK("x")'),
    ];
    const csv = cardsCsv(
      items,
      new Map([
        ['c', 3],
        ['b', 1],
      ]),
      headers,
    );
    expect(csv.startsWith('\uFEFF"Text","Autor/in","Cluster","Punkte"\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      '"Text","Autor/in","Cluster","Punkte"',
      `"'=HYPERLINK(""x"")","Zoë","","0"`,
      '"Radtour, ""an der Oder""","Zoë","","0"',
      '"Sprachcafé","Zoë","Jugend","3"',
      '"Chorfahrt nach Łódź","","Jugend","1"',
    ]);
    expect(csv).not.toContain('Secret');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

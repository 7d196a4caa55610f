import type { Translation } from '../../define.js';
import type { fishbowl as en } from '../fishbowl.js';

/** Polish: every key of ../fishbowl.ts. */
export const fishbowl: Translation<typeof en> = {
  'fishbowl.title': 'Akwarium (fishbowl)',
  'fishbowl.setup': 'Przygotuj akwarium',
  'fishbowl.seats': 'Miejsca w kręgu wewnętrznym (3–6, jedno zostaje wolne)',
  'fishbowl.start': 'Rozpocznij akwarium',
  'fishbowl.stop': 'Zakończ akwarium',
  'fishbowl.explain':
    'Mówi tylko krąg wewnętrzny. Zajmij wolne miejsce, aby dołączyć do rozmowy; zwolnij je, gdy powiesz, co chcesz.',
  'fishbowl.counter': 'Zajęte miejsca: {taken} z {seats}',
  'fishbowl.circle': 'Krąg wewnętrzny',
  'fishbowl.emptySeat': 'Wolne miejsce',
  'fishbowl.you': '(ty)',
  'fishbowl.permanent': 'moderacja',
  'fishbowl.take': 'Zajmij wolne miejsce',
  'fishbowl.raise': 'Podnieś rękę po miejsce',
  'fishbowl.lower': 'Opuść rękę',
  'fishbowl.leave': 'Zwolnij miejsce (wyjdź z kręgu)',
  'fishbowl.queuePosition': 'Twoja ręka jest podniesiona: jesteś numerem {n} do następnego wolnego miejsca.',
  'fishbowl.queue': 'Czekają na miejsce: {names}',
  'fishbowl.inCircle': 'Jesteś w kręgu: kamera i mikrofon są do twojej dyspozycji.',
  'fishbowl.makeRoom':
    'Dziękujemy! Wszystkie miejsca są zajęte: zrób miejsce dla kogoś nowego, gdy skończysz swoją myśl.',
  'fishbowl.full': 'Wszystkie miejsca są zajęte. Podnieś rękę, a dostaniesz następne wolne miejsce.',
  'fishbowl.noMedia': 'Uczestniczysz bez kamery i mikrofonu: śledź krąg i pisz na czacie.',
  'fishbowl.inRoom': 'Akwarium odbywa się na sesji plenarnej.',
  'fishbowl.ended': 'Akwarium się zakończyło.',
};

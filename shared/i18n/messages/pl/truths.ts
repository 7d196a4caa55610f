import type { Translation } from '../../define.js';
import type { truths as en } from '../truths.js';

/** Polish: every key of ../truths.ts. */
export const truths: Translation<typeof en> = {
  'truths.title': 'Dwie prawdy i jedno kłamstwo',
  'truths.setup': 'Przygotuj dwie prawdy i jedno kłamstwo',
  'truths.voteSec': 'Sekundy na głosowanie na osobę (10–60)',
  'truths.start': 'Rozpocznij grę',
  'truths.openVoting': 'Rozpocznij głosowanie',
  'truths.revealNow': 'Odkryj teraz',
  'truths.nextPerson': 'Następna osoba',
  'truths.stop': 'Zakończ grę',
  'truths.write': 'Napisz trzy zdania o sobie: dwa prawdziwe, jedno fałszywe.',
  'truths.statement': 'Zdanie {n}',
  'truths.isLie': 'To jest kłamstwo',
  'truths.save': 'Zapisz moje zdania',
  'truths.saved': 'Twoje zdania są zapisane; możesz je zmienić do swojej kolejki.',
  'truths.ready': 'Gotowi: {names}',
  'truths.whichLie': '{name}: co jest kłamstwem?',
  'truths.yourStatements': 'Inni zgadują Twoje kłamstwo.',
  'truths.timeLeft': 'Pozostały czas na głosowanie',
  'truths.lie': 'kłamstwo',
  'truths.foundBy': 'Odgadli: {names}',
  'truths.foundByNobody': 'Nikt nie odgadł kłamstwa.',
  'truths.ended': 'Gra zakończona.',
  'truths.scores': 'Punkty (jeden za każde odgadnięte kłamstwo)',
  'truths.byPerson': 'Według osób',
  'truths.byTown': 'Według miast',
  'truths.announce.vote': 'Głosowanie: zdania osoby {name}. Co jest kłamstwem?',
  'truths.announce.reveal': 'Kłamstwem było: {statement}',
  'truths.points': { one: '{count} punkt', few: '{count} punkty', many: '{count} punktów', other: '{count} punktu' },
};

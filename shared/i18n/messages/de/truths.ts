import type { Translation } from '../../define.js';
import type { truths as en } from '../truths.js';

/** German: every key of ../truths.ts. */
export const truths: Translation<typeof en> = {
  'truths.title': 'Zwei Wahrheiten und eine Lüge',
  'truths.setup': 'Zwei Wahrheiten und eine Lüge vorbereiten',
  'truths.voteSec': 'Sekunden zum Abstimmen pro Person (10–60)',
  'truths.start': 'Spiel starten',
  'truths.openVoting': 'Abstimmung starten',
  'truths.revealNow': 'Jetzt auflösen',
  'truths.nextPerson': 'Nächste Person',
  'truths.stop': 'Spiel beenden',
  'truths.write': 'Schreib drei Aussagen über dich: zwei wahre, eine falsche.',
  'truths.statement': 'Aussage {n}',
  'truths.isLie': 'Das ist die Lüge',
  'truths.save': 'Meine Aussagen speichern',
  'truths.saved': 'Deine Aussagen sind gespeichert; du kannst sie bis zu deiner Runde ändern.',
  'truths.ready': 'Bereit: {names}',
  'truths.whichLie': '{name}: Was ist die Lüge?',
  'truths.yourStatements': 'Die anderen raten deine Lüge.',
  'truths.timeLeft': 'Verbleibende Zeit zum Abstimmen',
  'truths.lie': 'die Lüge',
  'truths.foundBy': 'Erraten von: {names}',
  'truths.foundByNobody': 'Niemand hat die Lüge erraten.',
  'truths.ended': 'Das Spiel ist zu Ende.',
  'truths.scores': 'Punkte (einer pro erratene Lüge)',
  'truths.byPerson': 'Pro Person',
  'truths.byTown': 'Pro Stadt',
  'truths.announce.vote': 'Abstimmung: die Aussagen von {name}. Was ist die Lüge?',
  'truths.announce.reveal': 'Die Lüge war: {statement}',
  'truths.points': { one: '{count} Punkt', other: '{count} Punkte' },
};

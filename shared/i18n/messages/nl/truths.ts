import type { Translation } from '../../define.js';
import type { truths as en } from '../truths.js';

/** Dutch: every key of ../truths.ts. */
export const truths: Translation<typeof en> = {
  'truths.title': 'Twee waarheden en een leugen',
  'truths.setup': 'Twee waarheden en een leugen voorbereiden',
  'truths.voteSec': 'Seconden stemmen per persoon (10–60)',
  'truths.start': 'Spel starten',
  'truths.openVoting': 'Stemmen starten',
  'truths.revealNow': 'Nu onthullen',
  'truths.nextPerson': 'Volgende persoon',
  'truths.stop': 'Spel beëindigen',
  'truths.write': 'Schrijf drie uitspraken over jezelf: twee ware, één onware.',
  'truths.statement': 'Uitspraak {n}',
  'truths.isLie': 'Dit is de leugen',
  'truths.save': 'Mijn uitspraken opslaan',
  'truths.saved': 'Je uitspraken zijn opgeslagen; je kunt ze wijzigen tot je aan de beurt bent.',
  'truths.ready': 'Klaar: {names}',
  'truths.whichLie': '{name}: wat is de leugen?',
  'truths.yourStatements': 'De anderen raden jouw leugen.',
  'truths.timeLeft': 'Resterende tijd om te stemmen',
  'truths.lie': 'de leugen',
  'truths.foundBy': 'Geraden door: {names}',
  'truths.foundByNobody': 'Niemand heeft de leugen geraden.',
  'truths.ended': 'Het spel is afgelopen.',
  'truths.scores': 'Punten (één per geraden leugen)',
  'truths.byPerson': 'Per persoon',
  'truths.byTown': 'Per stad',
  'truths.announce.vote': 'Stemmen: de uitspraken van {name}. Wat is de leugen?',
  'truths.announce.reveal': 'De leugen was: {statement}',
  'truths.points': { one: '{count} punt', other: '{count} punten' },
};

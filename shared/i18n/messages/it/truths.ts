import type { Translation } from '../../define.js';
import type { truths as en } from '../truths.js';

/** Italian: every key of ../truths.ts. */
export const truths: Translation<typeof en> = {
  'truths.title': 'Due verità e una bugia',
  'truths.setup': 'Prepara due verità e una bugia',
  'truths.voteSec': 'Secondi di voto a persona (10–60)',
  'truths.start': 'Avvia il gioco',
  'truths.openVoting': 'Avvia le votazioni',
  'truths.revealNow': 'Rivela ora',
  'truths.nextPerson': 'Persona successiva',
  'truths.stop': 'Termina il gioco',
  'truths.write': 'Scrivi tre affermazioni su di te: due vere, una falsa.',
  'truths.statement': 'Affermazione {n}',
  'truths.isLie': 'Questa è la bugia',
  'truths.save': 'Salva le mie affermazioni',
  'truths.saved': 'Le tue affermazioni sono salvate; puoi cambiarle fino al tuo turno.',
  'truths.ready': 'Pronti: {names}',
  'truths.whichLie': '{name}: qual è la bugia?',
  'truths.yourStatements': 'Gli altri indovinano la tua bugia.',
  'truths.timeLeft': 'Tempo rimasto per votare',
  'truths.lie': 'la bugia',
  'truths.foundBy': 'Indovinata da: {names}',
  'truths.foundByNobody': 'Nessuno ha indovinato la bugia.',
  'truths.ended': 'Il gioco è finito.',
  'truths.scores': 'Punti (uno per ogni bugia indovinata)',
  'truths.byPerson': 'Per persona',
  'truths.byTown': 'Per città',
  'truths.announce.vote': 'Votazione: le affermazioni di {name}. Qual è la bugia?',
  'truths.announce.reveal': 'La bugia era: {statement}',
  'truths.points': { one: '{count} punto', many: '{count} punti', other: '{count} punti' },
};

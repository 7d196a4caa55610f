import type { Translation } from '../../define.js';
import type { truths as en } from '../truths.js';

/** French: every key of ../truths.ts. */
export const truths: Translation<typeof en> = {
  'truths.title': 'Deux vérités et un mensonge',
  'truths.setup': 'Préparer deux vérités et un mensonge',
  'truths.voteSec': 'Secondes de vote par personne (10–60)',
  'truths.start': 'Lancer le jeu',
  'truths.openVoting': 'Lancer les votes',
  'truths.revealNow': 'Révéler maintenant',
  'truths.nextPerson': 'Personne suivante',
  'truths.stop': 'Terminer le jeu',
  'truths.write': 'Écrivez trois affirmations sur vous : deux vraies, une fausse.',
  'truths.statement': 'Affirmation {n}',
  'truths.isLie': 'C’est le mensonge',
  'truths.save': 'Enregistrer mes affirmations',
  'truths.saved': 'Vos affirmations sont enregistrées ; vous pouvez les modifier jusqu’à votre tour.',
  'truths.ready': 'Prêts : {names}',
  'truths.whichLie': '{name} : quel est le mensonge ?',
  'truths.yourStatements': 'Les autres devinent votre mensonge.',
  'truths.timeLeft': 'Temps restant pour voter',
  'truths.lie': 'le mensonge',
  'truths.foundBy': 'Trouvé par : {names}',
  'truths.foundByNobody': 'Personne n’a trouvé le mensonge.',
  'truths.ended': 'Le jeu est terminé.',
  'truths.scores': 'Points (un par mensonge trouvé)',
  'truths.byPerson': 'Par personne',
  'truths.byTown': 'Par ville',
  'truths.announce.vote': 'Vote : les affirmations de {name}. Quel est le mensonge ?',
  'truths.announce.reveal': 'Le mensonge était : {statement}',
  'truths.points': { one: '{count} point', many: '{count} points', other: '{count} points' },
};

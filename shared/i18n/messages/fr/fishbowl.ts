import type { Translation } from '../../define.js';
import type { fishbowl as en } from '../fishbowl.js';

/** French: every key of ../fishbowl.ts. */
export const fishbowl: Translation<typeof en> = {
  'fishbowl.title': 'Bocal (fishbowl)',
  'fishbowl.setup': 'Préparer un bocal',
  'fishbowl.seats': 'Places dans le cercle intérieur (3 à 6, une reste libre)',
  'fishbowl.start': 'Lancer le bocal',
  'fishbowl.stop': 'Terminer le bocal',
  'fishbowl.explain':
    'Seul le cercle intérieur parle. Prenez la place libre pour rejoindre la discussion ; quittez-la quand vous avez tout dit.',
  'fishbowl.counter': '{taken} places occupées sur {seats}',
  'fishbowl.circle': 'Le cercle intérieur',
  'fishbowl.emptySeat': 'Place libre',
  'fishbowl.you': '(vous)',
  'fishbowl.permanent': 'animation',
  'fishbowl.take': 'Prendre la place libre',
  'fishbowl.raise': 'Lever la main pour une place',
  'fishbowl.lower': 'Baisser la main',
  'fishbowl.leave': 'Quitter la place (céder)',
  'fishbowl.queuePosition': 'Votre main est levée : vous êtes numéro {n} pour la prochaine place libre.',
  'fishbowl.queue': 'En attente d’une place : {names}',
  'fishbowl.inCircle': 'Vous êtes dans le cercle : caméra et micro sont à vous.',
  'fishbowl.makeRoom':
    'Merci ! Toutes les places sont prises : cédez la vôtre à quelqu’un de nouveau quand vous aurez fini votre idée.',
  'fishbowl.full': 'Toutes les places sont prises. Levez la main et vous aurez la prochaine place libre.',
  'fishbowl.noMedia': 'Vous participez sans caméra ni micro : suivez le cercle et écrivez dans le chat.',
  'fishbowl.inRoom': 'Le bocal a lieu en plénière.',
  'fishbowl.ended': 'Le bocal est terminé.',
};

import type { Translation } from '../../define.js';
import type { layout as en } from '../layout.js';

/** French: every key of ../layout.ts. */
export const layout: Translation<typeof en> = {
  'layout.stage': 'Scène',
  'layout.stage.choose': 'Ce que montre la scène',
  'layout.stage.video': 'Vidéo',
  'layout.stage.board': 'Tableau',
  'layout.stage.everyoneSees': 'Tout le monde voit ceci',
  'layout.stage.showEveryone': 'Montrer à tout le monde',
  'layout.stage.followBoard': 'Revenir au tableau que tout le monde voit',
  'layout.stage.followVideo': 'Revenir à la vidéo que tout le monde voit',
  'layout.noVideo':
    'Vous participez sans caméra ni micro : le tableau, les sondages et la discussion fonctionnent normalement.',
  'layout.noRooms': 'Pas encore de résultats des salles en sous-groupes.',
  'layout.panels': 'Panneaux latéraux',
  'layout.tabs': 'Vues',
  'layout.dock': 'Commandes',
  'layout.panel.now': 'Maintenant',
  'layout.panel.board': 'Tableau',
  'layout.panel.people': 'Personnes',
  'layout.panel.chat': 'Discussion',
  'layout.panel.polls': 'Sondages',
  'layout.panel.rooms': 'Salles',
  'layout.panel.host': 'Animation',
  'layout.badge.unread': {
    one: '{count} message non lu',
    many: '{count} messages non lus',
    other: '{count} messages non lus',
  },
  'layout.badge.hands': { one: '{count} main levée', many: '{count} mains levées', other: '{count} mains levées' },
  'layout.badge.polls': {
    one: '{count} sondage ouvert',
    many: '{count} sondages ouverts',
    other: '{count} sondages ouverts',
  },
  'layout.badge.help': {
    one: '{count} demande d’aide',
    many: '{count} demandes d’aide',
    other: '{count} demandes d’aide',
  },
  'layout.toasts': 'Notifications',
  'layout.toast.dismiss': 'Fermer la notification',
  'layout.toast.show': 'Afficher',
  'layout.toast.hand': '{name} a levé la main',
  'layout.toast.help': '{name} demande de l’aide dans {room}',
  'layout.toast.goToRoom': 'Aller dans la salle',
  'layout.toast.poll': 'Nouveau sondage : {question}',
  'layout.toast.vote': 'Voter',
  'layout.toast.inRoom': 'Vous êtes maintenant dans {room}',
  'layout.toast.board': 'L’animation montre le tableau sur la scène',
  'layout.toast.oneMinute': 'Plus qu’une minute dans les sous-groupes',
};

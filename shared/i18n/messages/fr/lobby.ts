import type { Translation } from '../../define.js';
import type { lobby as en } from '../lobby.js';

/** French: every key of ../lobby.ts. */
export const lobby: Translation<typeof en> = {
  'join.passcodeLabel': 'Code d’accès',
  'join.passcodeHelp': 'Les organisateurs l’ont envoyé avec l’invitation.',
  'lobby.waitingTitle': 'En attente d’admission',
  'lobby.waiting': 'Les modérateurs voient que vous êtes là et vont vous faire entrer. Gardez cette page ouverte.',
  'lobby.joining': 'Vous êtes admis. Connexion…',
  'lobby.withdraw': 'Ne plus attendre',
  'lobby.deniedTitle': 'Non admis',
  'lobby.denied': 'Un modérateur ne vous a pas fait entrer cette fois.',
  'lobby.deniedReason': 'Son message : « {reason} »',
  'lobby.knockAgain': 'Demander à nouveau',
  'lobby.fullTitle': 'L’atelier est complet',
  'lobby.full':
    'Il y a autant de personnes que les modérateurs le permettent. Vous entrerez automatiquement dès qu’une place se libère : gardez cette page ouverte.',
  'lobby.listTitle': {
    one: 'En attente d’admission ({count})',
    many: 'En attente d’admission ({count})',
    other: 'En attente d’admission ({count})',
  },
  'lobby.group': { one: 'groupe de {count}', many: 'groupe de {count}', other: 'groupe de {count}' },
  'lobby.admit': 'Faire entrer',
  'lobby.admitLabel': 'Faire entrer {name}',
  'lobby.admitAll': 'Faire entrer tout le monde',
  'lobby.deny': 'Ne pas faire entrer',
  'lobby.denyLabel': 'Ne pas faire entrer {name}',
  'lobby.denyReason': 'Message pour {name} (facultatif)',
  'lobby.denySend': 'Refuser',
  'lobby.announce': '{name} ({town}) attend d’être admis.',
  'access.title': 'Qui peut entrer',
  'access.lobby': 'Salle d’attente : les nouveaux attendent qu’un modérateur les fasse entrer',
  'access.passcode': 'Code d’accès',
  'access.passcodeHelp':
    'Les nouveaux en ont besoin. Le lien d’invitation et le QR code le contiennent : la plupart ne le tapent jamais. Laisser vide pour aucun.',
  'access.limit': 'Nombre maximal de personnes en même temps',
  'access.limitHelp': '0 signifie sans limite. Les modérateurs entrent toujours.',
  'access.save': 'Enregistrer',
  'access.saved': 'Enregistré.',
  'ws.passcodeBadge': 'Code d’accès',
  'ws.lobbyBadge': 'Salle d’attente',
  'error.lobby': 'Les modérateurs font entrer les nouveaux un par un : merci d’attendre d’être admis.',
  'error.passcode': 'Le code d’accès manque ou n’est pas bon. Vérifiez-le et réessayez.',
  'error.full': 'L’atelier est complet. Vous entrerez dès que quelqu’un partira.',
};

import type { Translation } from '../../define.js';
import type { lobby as en } from '../lobby.js';

/** German: every key of ../lobby.ts. */
export const lobby: Translation<typeof en> = {
  'join.passcodeLabel': 'Kennwort',
  'join.passcodeHelp': 'Die Veranstalter haben es mit der Einladung geschickt.',
  'lobby.waitingTitle': 'Sie warten auf Einlass',
  'lobby.waiting':
    'Die Moderation sieht, dass Sie da sind, und lässt Sie herein. Bitte lassen Sie diese Seite geöffnet.',
  'lobby.joining': 'Sie wurden hereingelassen. Sie treten bei …',
  'lobby.withdraw': 'Nicht mehr warten',
  'lobby.deniedTitle': 'Nicht hereingelassen',
  'lobby.denied': 'Die Moderation hat Sie diesmal nicht hereingelassen.',
  'lobby.deniedReason': 'Ihre Nachricht: „{reason}“',
  'lobby.knockAgain': 'Erneut anfragen',
  'lobby.fullTitle': 'Der Workshop ist voll',
  'lobby.full':
    'Es sind so viele Menschen da, wie die Moderation zulässt. Sobald ein Platz frei wird, kommen Sie von selbst hinein: Bitte lassen Sie diese Seite geöffnet.',
  'lobby.listTitle': { one: 'Wartet auf Einlass ({count})', other: 'Warten auf Einlass ({count})' },
  'lobby.group': { one: 'Gruppe von {count}', other: 'Gruppe von {count}' },
  'lobby.admit': 'Hereinlassen',
  'lobby.admitLabel': '{name} hereinlassen',
  'lobby.admitAll': 'Alle hereinlassen',
  'lobby.deny': 'Nicht hereinlassen',
  'lobby.denyLabel': '{name} nicht hereinlassen',
  'lobby.denyReason': 'Nachricht an {name} (freiwillig)',
  'lobby.denySend': 'Abweisen',
  'lobby.announce': '{name} ({town}) wartet auf Einlass.',
  'access.title': 'Wer hereinkommt',
  'access.lobby': 'Warteraum: Neue warten, bis die Moderation sie hereinlässt',
  'access.passcode': 'Kennwort',
  'access.passcodeHelp':
    'Neue brauchen es. Einladungslink und QR-Code enthalten es, die meisten tippen es also nie. Leer lassen für keins.',
  'access.limit': 'Höchstens so viele Personen gleichzeitig',
  'access.limitHelp': '0 heißt: keine Grenze. Moderatorinnen und Moderatoren kommen immer herein.',
  'access.save': 'Speichern',
  'access.saved': 'Gespeichert.',
  'ws.passcodeBadge': 'Kennwort',
  'ws.lobbyBadge': 'Warteraum',
  'error.lobby': 'Die Moderation lässt Neue einzeln herein: Bitte warten Sie auf Einlass.',
  'error.passcode': 'Das Kennwort fehlt oder stimmt nicht. Bitte prüfen Sie es und versuchen Sie es erneut.',
  'error.full': 'Der Workshop ist voll. Sie kommen hinein, sobald jemand geht.',
};

import type { Translation } from '../../define.js';
import type { lobby as en } from '../lobby.js';

/** Polish: every key of ../lobby.ts. */
export const lobby: Translation<typeof en> = {
  'join.passcodeLabel': 'Hasło',
  'join.passcodeHelp': 'Organizatorzy wysłali je razem z zaproszeniem.',
  'lobby.waitingTitle': 'Czekasz na wpuszczenie',
  'lobby.waiting': 'Moderatorzy widzą, że czekasz, i zaraz cię wpuszczą. Nie zamykaj tej strony.',
  'lobby.joining': 'Zostałeś wpuszczony. Dołączanie…',
  'lobby.withdraw': 'Przestań czekać',
  'lobby.deniedTitle': 'Nie wpuszczono',
  'lobby.denied': 'Moderator tym razem cię nie wpuścił.',
  'lobby.deniedReason': 'Wiadomość: „{reason}”',
  'lobby.knockAgain': 'Poproś ponownie',
  'lobby.fullTitle': 'Warsztat jest pełny',
  'lobby.full':
    'Jest tu tyle osób, ile pozwalają moderatorzy. Wejdziesz automatycznie, gdy zwolni się miejsce: nie zamykaj tej strony.',
  'lobby.listTitle': {
    one: 'Czeka na wpuszczenie ({count})',
    few: 'Czekają na wpuszczenie ({count})',
    many: 'Czeka na wpuszczenie ({count})',
    other: 'Czeka na wpuszczenie ({count})',
  },
  'lobby.group': {
    one: 'grupa {count} osoby',
    few: 'grupa {count} osób',
    many: 'grupa {count} osób',
    other: 'grupa {count} osoby',
  },
  'lobby.admit': 'Wpuść',
  'lobby.admitLabel': 'Wpuść: {name}',
  'lobby.admitAll': 'Wpuść wszystkich',
  'lobby.deny': 'Nie wpuszczaj',
  'lobby.denyLabel': 'Nie wpuszczaj: {name}',
  'lobby.denyReason': 'Wiadomość dla: {name} (opcjonalnie)',
  'lobby.denySend': 'Odmów',
  'lobby.announce': '{name} ({town}) czeka na wpuszczenie.',
  'access.title': 'Kto może wejść',
  'access.lobby': 'Poczekalnia: nowe osoby czekają, aż moderator je wpuści',
  'access.passcode': 'Hasło',
  'access.passcodeHelp':
    'Nowe osoby go potrzebują. Link z zaproszeniem i kod QR je zawierają, więc większość nigdy go nie wpisuje. Zostaw puste, jeśli bez hasła.',
  'access.limit': 'Najwięcej osób naraz',
  'access.limitHelp': '0 oznacza brak limitu. Moderatorzy zawsze mogą wejść.',
  'access.save': 'Zapisz',
  'access.saved': 'Zapisano.',
  'ws.passcodeBadge': 'Hasło',
  'ws.lobbyBadge': 'Poczekalnia',
  'error.lobby': 'Moderatorzy wpuszczają nowe osoby pojedynczo: poczekaj na wpuszczenie.',
  'error.passcode': 'Brak hasła lub jest nieprawidłowe. Sprawdź je i spróbuj ponownie.',
  'error.full': 'Warsztat jest pełny. Wejdziesz, gdy ktoś wyjdzie.',
};

import type { Translation } from '../../define.js';
import type { fishbowl as en } from '../fishbowl.js';

/** German: every key of ../fishbowl.ts. */
export const fishbowl: Translation<typeof en> = {
  'fishbowl.title': 'Fishbowl',
  'fishbowl.setup': 'Fishbowl vorbereiten',
  'fishbowl.seats': 'Plätze im Innenkreis (3–6, einer bleibt frei)',
  'fishbowl.start': 'Fishbowl starten',
  'fishbowl.stop': 'Fishbowl beenden',
  'fishbowl.explain':
    'Nur der Innenkreis spricht. Setz dich auf den freien Platz, um mitzureden; verlass ihn, wenn du alles gesagt hast.',
  'fishbowl.counter': '{taken} von {seats} Plätzen besetzt',
  'fishbowl.circle': 'Der Innenkreis',
  'fishbowl.emptySeat': 'Freier Platz',
  'fishbowl.you': '(du)',
  'fishbowl.permanent': 'Moderation',
  'fishbowl.take': 'Freien Platz einnehmen',
  'fishbowl.raise': 'Für einen Platz melden',
  'fishbowl.lower': 'Meldung zurückziehen',
  'fishbowl.leave': 'Platz verlassen (abklatschen)',
  'fishbowl.queuePosition': 'Du hast dich gemeldet: Du bist Nummer {n} für den nächsten freien Platz.',
  'fishbowl.queue': 'Warten auf einen Platz: {names}',
  'fishbowl.inCircle': 'Du sitzt im Kreis: Kamera und Mikrofon gehören dir.',
  'fishbowl.makeRoom':
    'Danke! Alle Plätze sind jetzt besetzt: Bitte mach Platz für jemand Neues, sobald du deinen Gedanken beendet hast.',
  'fishbowl.full': 'Alle Plätze sind besetzt. Melde dich, dann bekommst du den nächsten freien Platz.',
  'fishbowl.noMedia': 'Du bist ohne Kamera und Mikrofon dabei: Verfolge den Kreis und schreib im Chat.',
  'fishbowl.inRoom': 'Der Fishbowl läuft im Plenum.',
  'fishbowl.ended': 'Der Fishbowl ist vorbei.',
};

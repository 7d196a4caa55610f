import type { Translation } from '../../define.js';
import type { fishbowl as en } from '../fishbowl.js';

/** Dutch: every key of ../fishbowl.ts. */
export const fishbowl: Translation<typeof en> = {
  'fishbowl.title': 'Fishbowl',
  'fishbowl.setup': 'Fishbowl voorbereiden',
  'fishbowl.seats': 'Stoelen in de binnenkring (3–6, één blijft leeg)',
  'fishbowl.start': 'Fishbowl starten',
  'fishbowl.stop': 'Fishbowl beëindigen',
  'fishbowl.explain':
    'Alleen de binnenkring spreekt. Neem de lege stoel om mee te praten; verlaat hem als je alles hebt gezegd.',
  'fishbowl.counter': '{taken} van {seats} stoelen bezet',
  'fishbowl.circle': 'De binnenkring',
  'fishbowl.emptySeat': 'Lege stoel',
  'fishbowl.you': '(jij)',
  'fishbowl.permanent': 'moderator',
  'fishbowl.take': 'Neem de lege stoel',
  'fishbowl.raise': 'Hand opsteken voor een stoel',
  'fishbowl.lower': 'Hand laten zakken',
  'fishbowl.leave': 'Stoel verlaten (uittikken)',
  'fishbowl.queuePosition': 'Je hand is omhoog: je bent nummer {n} voor de volgende vrije stoel.',
  'fishbowl.queue': 'Wachten op een stoel: {names}',
  'fishbowl.inCircle': 'Je zit in de kring: camera en microfoon zijn van jou.',
  'fishbowl.makeRoom':
    'Dank je! Alle stoelen zijn nu bezet: maak plaats voor iemand nieuw zodra je je gedachte hebt afgerond.',
  'fishbowl.full': 'Alle stoelen zijn bezet. Steek je hand op en je krijgt de volgende vrije stoel.',
  'fishbowl.noMedia': 'Je doet mee zonder camera en microfoon: volg de kring en schrijf in de chat.',
  'fishbowl.inRoom': 'De fishbowl loopt in de plenaire sessie.',
  'fishbowl.ended': 'De fishbowl is voorbij.',
};

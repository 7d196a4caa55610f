import type { Translation } from '../../define.js';
import type { fishbowl as en } from '../fishbowl.js';

/** Italian: every key of ../fishbowl.ts. */
export const fishbowl: Translation<typeof en> = {
  'fishbowl.title': 'Acquario (fishbowl)',
  'fishbowl.setup': 'Prepara un acquario',
  'fishbowl.seats': 'Posti nel cerchio interno (3–6, uno resta libero)',
  'fishbowl.start': 'Avvia l’acquario',
  'fishbowl.stop': 'Termina l’acquario',
  'fishbowl.explain':
    'Parla solo il cerchio interno. Prendi il posto libero per unirti alla conversazione; lascialo quando hai detto la tua.',
  'fishbowl.counter': '{taken} posti occupati su {seats}',
  'fishbowl.circle': 'Il cerchio interno',
  'fishbowl.emptySeat': 'Posto libero',
  'fishbowl.you': '(tu)',
  'fishbowl.permanent': 'moderazione',
  'fishbowl.take': 'Prendi il posto libero',
  'fishbowl.raise': 'Alza la mano per un posto',
  'fishbowl.lower': 'Abbassa la mano',
  'fishbowl.leave': 'Lascia il posto (esci dal cerchio)',
  'fishbowl.queuePosition': 'Hai alzato la mano: sei il numero {n} per il prossimo posto libero.',
  'fishbowl.queue': 'In attesa di un posto: {names}',
  'fishbowl.inCircle': 'Sei nel cerchio: videocamera e microfono sono tuoi.',
  'fishbowl.makeRoom':
    'Grazie! Tutti i posti sono occupati: fai posto a qualcuno di nuovo quando hai finito il tuo pensiero.',
  'fishbowl.full': 'Tutti i posti sono occupati. Alza la mano e avrai il prossimo posto libero.',
  'fishbowl.noMedia': 'Partecipi senza videocamera e microfono: segui il cerchio e scrivi nella chat.',
  'fishbowl.inRoom': 'L’acquario si svolge in plenaria.',
  'fishbowl.ended': 'L’acquario è terminato.',
};

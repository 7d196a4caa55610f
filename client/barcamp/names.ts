import type { Barcamp } from '../../shared/barcamp/schema.js';
import { t } from '../i18n/i18n.js';

/** A slot's name: its label, else "Slot n" in this reader's language. */
export const slotName = (b: Barcamp, i: number) => b.grid?.slots[i]?.label || t('barcamp.slot', { n: i + 1 });

/** A step's name in the reader's language, on screen (client/agenda) and in the report (server/report). */
import type { MessageKey } from '../i18n/locales/en.js';
import { isFormatId } from './catalogue.js';
import type { Step } from './schema.js';

type T = (key: MessageKey) => string;

export const formatNameWith = (t: T, id: string): string =>
  isFormatId(id) ? t(`agenda.format.${id}` as MessageKey) : id;

/** "Card collection, Ideas for 2027": the format in the reader's language, then the moderator's title. */
export const stepNameWith = (t: T, s: Step): string =>
  s.title ? `${formatNameWith(t, s.format)}, ${s.title}` : formatNameWith(t, s.format);

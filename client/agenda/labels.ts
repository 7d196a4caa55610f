import { FORMATS, isFormatId, type Format } from '../../shared/agenda/catalogue.js';
import { formatNameWith, stepNameWith } from '../../shared/agenda/names.js';
import type { MechanicKind, Step } from '../../shared/agenda/schema.js';
import { t, type MessageKey } from '../i18n/i18n.js';

export const formatName = (id: string): string => formatNameWith(t, id);

export const stepName = (s: Step): string => stepNameWith(t, s);

export const questionOf = (s: Step): string | undefined =>
  'question' in s.params ? s.params.question : s.params.kind === 'broadcast' ? s.params.text : undefined;

/** What participants are asked to do: the step's question, then the format's instructions. */
export function instructionsOf(s: Step): string {
  const how = isFormatId(s.format) ? t(`agenda.format.${s.format}.do` as MessageKey) : '';
  return [questionOf(s), how].filter(Boolean).join(' ');
}

export const mechanicName = (kind: MechanicKind) => t(`agenda.mechanic.${kind}` as MessageKey);

/** Size and time of a format: "5–25 people · 5–15 min". */
export function formatFacts(f: Format): string {
  const { min, max } = f.size;
  const size =
    min === null
      ? t('agenda.peopleAny')
      : max === null
        ? t('agenda.peopleFrom', { min })
        : t('agenda.people', { min, max });
  const time =
    f.minutes.min === f.minutes.max
      ? t('agenda.minutes', { count: f.minutes.min })
      : t('agenda.minutesRange', { min: f.minutes.min, max: f.minutes.max });
  return `${size} · ${time}`;
}

export { FORMATS };

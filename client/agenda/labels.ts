import { FORMATS, isFormatId, type Format } from '../../shared/agenda/catalogue.js';
import { formatNameWith, questionOf, stepNameWith } from '../../shared/agenda/names.js';
import type { MechanicKind, Step } from '../../shared/agenda/schema.js';
import type { BreakoutView } from '../../shared/breakouts/schema.js';
import { t, type MessageKey } from '../i18n/i18n.js';

export const formatName = (id: string): string => formatNameWith(t, id);

export const stepName = (s: Step): string => stepNameWith(t, s);

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

export { FORMATS, questionOf };

/** "Round 2 of 3" of a step whose rooms rotate (World Café, speed-dating, 1-2-4-All) while its rounds run; else null. */
export function roundOf(step: Step, rooms: BreakoutView | null): { n: number; total: number } | null {
  if (step.params.kind !== 'rotation' && step.params.kind !== 'nestedRooms') return null;
  if (rooms?.status !== 'open' || !rooms.rotation || !rooms.round || rooms.round.total < 2) return null;
  return { n: rooms.round.index + 1, total: rooms.round.total };
}

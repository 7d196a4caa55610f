import type { PollView } from '../../shared/polls/schema.js';
import { t } from '../i18n/i18n.js';

/** What an option says: translated yes/no/abstain, the number of a scale point, or the moderator's label. */
export function optionLabel(poll: Pick<PollView, 'kind' | 'options'>, id: string): string {
  if (poll.kind === 'yesno') return t(`polls.yesno.${id as 'yes' | 'no' | 'abstain'}`);
  return poll.options.find((o) => o.id === id)?.label || id;
}

export function isCorrectAnswer(poll: PollView, id: string): boolean {
  return poll.quiz?.correct?.includes(id) ?? false;
}

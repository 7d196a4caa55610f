import type { Message } from '../define.js';
import type { MessageKey } from './en.js';
import { core } from '../messages/it/core.js';
import { media } from '../messages/it/media.js';
import { breakouts } from '../messages/it/breakouts.js';
import { boards } from '../messages/it/boards.js';
import { polls } from '../messages/it/polls.js';
import { lobby } from '../messages/it/lobby.js';
import { speaking } from '../messages/it/speaking.js';
import { truths } from '../messages/it/truths.js';
import { fishbowl } from '../messages/it/fishbowl.js';
import { market } from '../messages/it/market.js';
import { barcamp } from '../messages/it/barcamp.js';
import { layout } from '../messages/it/layout.js';
import { agenda } from '../messages/it/agenda.js';
import { agendaSheet } from '../messages/it/agenda-sheet.js';
import { report } from '../messages/it/report.js';

/** Every Italian message (a chunk of its own in the client, loaded when Italian is chosen). */
export const messages: Record<MessageKey, Message> = {
  ...core,
  ...media,
  ...breakouts,
  ...boards,
  ...polls,
  ...lobby,
  ...speaking,
  ...truths,
  ...fishbowl,
  ...market,
  ...barcamp,
  ...layout,
  ...agenda,
  ...agendaSheet,
  ...report,
};

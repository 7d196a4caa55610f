import type { Message } from '../define.js';
import type { MessageKey } from './en.js';
import { core } from '../messages/de/core.js';
import { media } from '../messages/de/media.js';
import { breakouts } from '../messages/de/breakouts.js';
import { boards } from '../messages/de/boards.js';
import { polls } from '../messages/de/polls.js';
import { lobby } from '../messages/de/lobby.js';
import { speaking } from '../messages/de/speaking.js';
import { truths } from '../messages/de/truths.js';
import { fishbowl } from '../messages/de/fishbowl.js';
import { market } from '../messages/de/market.js';
import { barcamp } from '../messages/de/barcamp.js';
import { layout } from '../messages/de/layout.js';
import { agenda } from '../messages/de/agenda.js';
import { agendaSheet } from '../messages/de/agenda-sheet.js';
import { report } from '../messages/de/report.js';

/** Every German message (a chunk of its own in the client, loaded when German is chosen). */
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

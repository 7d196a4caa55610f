import type { Message } from '../define.js';
import type { MessageKey } from './en.js';
import { core } from '../messages/nl/core.js';
import { media } from '../messages/nl/media.js';
import { breakouts } from '../messages/nl/breakouts.js';
import { boards } from '../messages/nl/boards.js';
import { polls } from '../messages/nl/polls.js';
import { lobby } from '../messages/nl/lobby.js';
import { speaking } from '../messages/nl/speaking.js';
import { truths } from '../messages/nl/truths.js';
import { fishbowl } from '../messages/nl/fishbowl.js';
import { market } from '../messages/nl/market.js';
import { barcamp } from '../messages/nl/barcamp.js';
import { layout } from '../messages/nl/layout.js';
import { agenda } from '../messages/nl/agenda.js';
import { agendaSheet } from '../messages/nl/agenda-sheet.js';
import { report } from '../messages/nl/report.js';

/** Every Dutch message (a chunk of its own in the client, loaded when Dutch is chosen). */
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

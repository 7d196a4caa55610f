import type { Message } from '../define.js';
import type { MessageKey } from './en.js';
import { core } from '../messages/pl/core.js';
import { media } from '../messages/pl/media.js';
import { breakouts } from '../messages/pl/breakouts.js';
import { boards } from '../messages/pl/boards.js';
import { polls } from '../messages/pl/polls.js';
import { lobby } from '../messages/pl/lobby.js';
import { speaking } from '../messages/pl/speaking.js';
import { truths } from '../messages/pl/truths.js';
import { fishbowl } from '../messages/pl/fishbowl.js';
import { market } from '../messages/pl/market.js';
import { barcamp } from '../messages/pl/barcamp.js';
import { layout } from '../messages/pl/layout.js';
import { agenda } from '../messages/pl/agenda.js';
import { agendaSheet } from '../messages/pl/agenda-sheet.js';
import { report } from '../messages/pl/report.js';

/** Every Polish message (a chunk of its own in the client, loaded when Polish is chosen). */
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

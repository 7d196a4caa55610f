import type { Message } from '../define.js';
import type { MessageKey } from './en.js';
import { core } from '../messages/fr/core.js';
import { media } from '../messages/fr/media.js';
import { breakouts } from '../messages/fr/breakouts.js';
import { boards } from '../messages/fr/boards.js';
import { polls } from '../messages/fr/polls.js';
import { lobby } from '../messages/fr/lobby.js';
import { speaking } from '../messages/fr/speaking.js';
import { truths } from '../messages/fr/truths.js';
import { fishbowl } from '../messages/fr/fishbowl.js';
import { market } from '../messages/fr/market.js';
import { barcamp } from '../messages/fr/barcamp.js';
import { layout } from '../messages/fr/layout.js';
import { agenda } from '../messages/fr/agenda.js';
import { agendaSheet } from '../messages/fr/agenda-sheet.js';
import { report } from '../messages/fr/report.js';

/** Every French message (a chunk of its own in the client, loaded when French is chosen). */
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

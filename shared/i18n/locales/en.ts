import { core } from '../messages/core.js';
import { media } from '../messages/media.js';
import { breakouts } from '../messages/breakouts.js';
import { boards } from '../messages/boards.js';
import { polls } from '../messages/polls.js';
import { lobby } from '../messages/lobby.js';
import { speaking } from '../messages/speaking.js';
import { truths } from '../messages/truths.js';
import { fishbowl } from '../messages/fishbowl.js';
import { market } from '../messages/market.js';
import { barcamp } from '../messages/barcamp.js';
import { layout } from '../messages/layout.js';
import { agenda } from '../messages/agenda.js';
import { agendaSheet } from '../messages/agenda-sheet.js';
import { report } from '../messages/report.js';

/**
 * Every English message: the keys of the catalogue, and the fallback the client always has (bundled);
 * the other languages are chunks of their own that the client loads when they are chosen.
 * A feature adds its messages file (one per language) and one line in each locales/<locale>.ts.
 */
export const messages = {
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
export type MessageKey = keyof typeof messages;

import type { UiLocale } from '../languages.js';
import type { Message } from './define.js';
import { breakouts } from './messages/breakouts.js';
import { boards } from './messages/boards.js';
import { core } from './messages/core.js';
import { media } from './messages/media.js';
import { polls } from './messages/polls.js';

/**
 * Every visible string, by feature. A feature adds its own file in messages/ and one line here.
 */
const features = [core, media, breakouts, boards, polls] as const;

type FeatureKeys<F> = F extends Record<UiLocale, Record<infer K, Message>> ? K : never;
export type MessageKey = FeatureKeys<(typeof features)[number]>;

export const catalogue = Object.fromEntries(
  (['de', 'en', 'fr', 'pl'] as const).map((locale) => [locale, Object.assign({}, ...features.map((f) => f[locale]))]),
) as Record<UiLocale, Record<MessageKey, Message>>;

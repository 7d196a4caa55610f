import { describe, expect, it } from 'vitest';
import { catalogue } from '../i18n/catalogue.js';
import { UI_LOCALES } from '../languages.js';
import {
  BUILT_MECHANICS,
  FORMAT_IDS,
  FORMATS,
  PROGRAMME_IDS,
  PROGRAMMES,
  formatSteps,
  mechanicsOf,
  plannedMinutes,
  programmeSteps,
} from './catalogue.js';
import { MECHANIC_KINDS, stepSchema } from './schema.js';

const has = (key: string) =>
  UI_LOCALES.every((l) => typeof catalogue[l][key as keyof typeof catalogue.en] !== 'undefined');

describe('the format catalogue', () => {
  it.each(FORMAT_IDS)('[AGC1] %s has a name, purpose and instructions in every language', (id) => {
    for (const suffix of ['', '.purpose', '.do']) expect(has(`agenda.format.${id}${suffix}`), id + suffix).toBe(true);
  });

  it.each(FORMAT_IDS)('[AGC2] %s: every step is a valid step whose mechanic exists, its texts translated', (id) => {
    const format = FORMATS[id];
    expect(format.id).toBe(id);
    expect(format.steps.length).toBeGreaterThan(0);
    for (const tpl of format.steps) {
      expect(MECHANIC_KINDS).toContain(tpl.params.kind);
      for (const key of [tpl.titleKey, tpl.textKey]) if (key) expect(has(key), key).toBe(true);
    }
    for (const locale of UI_LOCALES) {
      const steps = formatSteps(id, (k) => String(catalogue[locale][k]));
      for (const s of steps) expect(stepSchema.safeParse(s).success, `${id} in ${locale}`).toBe(true);
    }
  });

  it('[AGC3] every mechanic has a name; every one not built yet has by-hand instructions', () => {
    for (const kind of MECHANIC_KINDS) {
      expect(has(`agenda.mechanic.${kind}`), kind).toBe(true);
      if (!BUILT_MECHANICS.has(kind)) expect(has(`agenda.manual.${kind}`), kind).toBe(true);
    }
  });

  it.each(PROGRAMME_IDS)('[AGC4] the %s programme is named, described and gives valid steps', (id) => {
    expect(has(`agenda.programme.${id}`) && has(`agenda.programme.${id}.about`)).toBe(true);
    for (const item of PROGRAMMES[id]) {
      if (item.minutes) expect(item.minutes.length).toBe(FORMATS[item.format].steps.length);
      if (item.titleKey) expect(has(item.titleKey)).toBe(true);
    }
    const steps = programmeSteps(id, (k) => String(catalogue.pl[k]));
    expect(steps.every((s) => stepSchema.safeParse(s).success)).toBe(true);
  });

  it('[AGC5] the first meeting of two towns plans 90 minutes with the mechanics that exist today', () => {
    const steps = programmeSteps('firstMeeting', (k) => String(catalogue.en[k]));
    expect(plannedMinutes(steps)).toBe(90);
    expect(steps.map((s) => s.format)).toContain('cards');
    expect(mechanicsOf(FORMATS.cityQuiz)).toEqual(['timer', 'poll']);
  });
});

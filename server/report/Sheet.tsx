/**
 * The template sheet (Vorlagebogen) with its programme as a page to print, in one language: every filled
 * field under its section's heading, then the run sheet's steps with their minutes. No controls; A4 in print.
 * The fields and their order are the form's (shared/agenda/sheet-form.ts), so the two never drift apart.
 */
import { renderToString } from 'preact-render-to-string';
import { questionOf, stepNameWith } from '../../shared/agenda/names.js';
import type { AgendaView, Sheet } from '../../shared/agenda/schema.js';
import { SECTIONS, toForm, type Field } from '../../shared/agenda/sheet-form.js';
import { type MessageKey, type Translate, translator } from '../../shared/i18n/catalogue.js';
import type { UiLocale } from '../../shared/languages.js';
import type { WorkshopInfo } from '../../shared/workshops/schema.js';
import { clockOf } from './Report.js';
import { REPORT_CSS } from './style.js';

function valueText(field: Field, value: string | boolean, t: Translate): string {
  if (field.kind === 'check') return value === true ? t('polls.yesno.yes') : '';
  if (field.kind === 'select' && value) return t(`sheet.${field.name}.${value}` as MessageKey);
  return String(value);
}

export function renderSheet(
  workshop: WorkshopInfo,
  sheet: Sheet | null,
  agenda: AgendaView | null,
  locale: UiLocale,
  timeZone: string,
  at: number,
): string {
  const t = translator(locale);
  const clock = clockOf(locale, timeZone);
  const values = toForm(sheet);
  const steps = agenda?.steps ?? [];
  const sections = SECTIONS.map((s) => ({
    id: s.id,
    rows: s.fields
      .map((field) => ({ field, text: valueText(field, values[field.name] ?? '', t) }))
      .filter((r) => r.text !== ''),
  })).filter((s) => s.rows.length > 0);
  const page = (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${sheet?.title ?? workshop.title} – ${t('sheet.printTitle')}`}</title>
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      </head>
      <body>
        <main>
          <header>
            <p class="muted">{t('sheet.title')}</p>
            <h1>{sheet?.title ?? workshop.title}</h1>
            <p class="muted">{t('report.generated', { date: clock.date(at), time: clock.time(at) })}</p>
          </header>
          {sections.map((s) => (
            <section key={s.id} aria-labelledby={`s-${s.id}`} data-section={s.id}>
              <h2 id={`s-${s.id}`}>{t(`sheet.section.${s.id}` as MessageKey)}</h2>
              <dl class="sheet">
                {s.rows.map(({ field, text }) => (
                  <div key={field.name}>
                    <dt>{t(`sheet.field.${field.name}` as MessageKey)}</dt>
                    <dd>{text}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <section aria-labelledby="s-programme" data-section="programme">
            <h2 id="s-programme">{t('sheet.programme')}</h2>
            {steps.length === 0 ? (
              <p class="muted">{t('report.noProgramme')}</p>
            ) : (
              <>
                <table>
                  <thead>
                    <tr>
                      <th scope="col" class="num">
                        #
                      </th>
                      <th scope="col">{t('report.col.step')}</th>
                      <th scope="col" class="num">
                        {t('report.col.planned')}
                      </th>
                      <th scope="col">{t('sheet.col.what')}</th>
                      <th scope="col">{t('sheet.col.responsible')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {steps.map((step, i) => (
                      <tr key={step.id}>
                        <td class="num">{i + 1}</td>
                        <td>{stepNameWith(t, step)}</td>
                        <td class="num">{t('report.minutes', { n: step.durationMin })}</td>
                        <td>{questionOf(step) ?? ''}</td>
                        <td>{step.responsible ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p>{t('sheet.totalMinutes', { n: steps.reduce((sum, s) => sum + s.durationMin, 0) })}</p>
              </>
            )}
          </section>
          <footer>{t('report.footer')}</footer>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>\n${renderToString(page)}`;
}

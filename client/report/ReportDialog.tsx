/**
 * The results report inside the page: made by the server in the chosen language, shown as it will print
 * (an iframe of its own HTML, no scripts in it), with Download (HTML), Download the data (CSV) and Print.
 * A modal dialog: focus stays inside, Escape closes it, and the focus goes back to the button.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { isUiLocale, UI_LOCALES, type UiLocale } from '../../shared/languages.js';
import { download } from '../boards/export.js';
import { errorText, languageName, locale, t } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import { fetchReport, type ReportAccess } from './fetch.js';
import './report.css';

export function ReportDialog({ access, title, onClose }: { access: ReportAccess; title: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const lang = useSignal<UiLocale>(locale.peek());
  const report = useSignal<{ html: string; filename: string } | null>(null);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  useEffect(() => {
    let current = true;
    report.value = null;
    error.value = null;
    void fetchReport(access, lang.value, 'html').then((answer) => {
      if (!current) return;
      if (answer.ok) report.value = { html: answer.body, filename: answer.filename };
      else error.value = errorText(answer.code, answer.retryAfterS);
    });
    return () => {
      current = false;
    };
  }, [lang.value]);

  async function downloadCsv() {
    busy.value = true;
    const answer = await fetchReport(access, lang.value, 'csv');
    busy.value = false;
    if (answer.ok) download(answer.filename, answer.body, 'text/csv;charset=utf-8');
    else error.value = errorText(answer.code, answer.retryAfterS);
  }

  const ready = report.value;
  return (
    <dialog
      ref={dialog}
      class="report-dialog"
      aria-labelledby="report-title"
      data-testid="report-dialog"
      onClose={onClose}
      onCancel={onClose}
    >
      <div class="report-dialog__bar">
        <h2 id="report-title">{t('report.title')}</h2>
        <p class="muted">{t('report.intro')}</p>
        <div class="report-dialog__actions">
          <label class="field field--inline">
            <span>{t('report.language')}</span>
            <select
              data-testid="report-language"
              value={lang.value}
              onChange={(e) => {
                const v = (e.target as HTMLSelectElement).value;
                if (isUiLocale(v)) lang.value = v;
              }}
            >
              {UI_LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="btn btn--primary"
            data-testid="report-download"
            disabled={!ready}
            onClick={() => ready && download(ready.filename, ready.html, 'text/html;charset=utf-8')}
          >
            {t('report.downloadHtml')}
          </button>
          <button type="button" class="btn" data-testid="report-csv" disabled={busy.value} onClick={downloadCsv}>
            {t('report.downloadCsv')}
          </button>
          <button
            type="button"
            class="btn"
            data-testid="report-print"
            disabled={!ready}
            onClick={() => frame.current?.contentWindow?.print()}
          >
            {t('report.print')}
          </button>
          <button type="button" class="btn btn--ghost" data-testid="report-close" onClick={onClose}>
            {t('report.close')}
          </button>
        </div>
        {error.value && (
          <Alert kind="error" testId="report-error">
            {t('report.failed', { message: error.value })}
          </Alert>
        )}
        {!ready && !error.value && (
          <p role="status" class="muted">
            {t('report.loading')}
          </p>
        )}
      </div>
      {ready && (
        <iframe
          ref={frame}
          class="report-dialog__frame"
          data-testid="report-frame"
          title={t('report.frame', { title })}
          sandbox="allow-same-origin allow-modals"
          srcdoc={ready.html}
        />
      )}
    </dialog>
  );
}

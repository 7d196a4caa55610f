import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/i18n.js';
import { ReportButton } from '../report/ReportButton.js';
import { useSession } from '../session/context.js';
import { Alert } from '../ui/Alert.js';
import {
  type Field,
  type FormValues,
  fileSummary,
  fromFile,
  fromForm,
  SECTIONS,
  toFile,
  toForm,
} from '../../shared/agenda/sheet-form.js';
import { statusOf } from '../../shared/agenda/rules.js';
import type { AgendaState } from './state.js';

/**
 * The template sheet (Vorlagebogen) as a form, saved with the workshop; its programme is the run sheet
 * above. The sheet and the run sheet can be saved to a file and loaded into another workshop.
 */
export function SheetForm({ agenda }: { agenda: AgendaState }) {
  const { workshop } = useSession();
  const values = useSignal<FormValues>(toForm(agenda.sheet.value));
  const dirty = useSignal(false);
  const saved = useSignal(false);
  const badFile = useSignal(false);
  /** [AG17] What the last file brought: shown until the next one. */
  const loaded = useSignal<{ count: number; minutes: number; kept: boolean } | null>(null);
  const sheet = agenda.sheet.value;
  // The saved sheet arrives after a reload (or from another moderator): shown unless this person is typing.
  useEffect(() => {
    if (!dirty.peek()) values.value = toForm(sheet);
  }, [sheet]);
  const set = (name: string, v: string | boolean) => {
    values.value = { ...values.value, [name]: v };
    dirty.value = true;
    saved.value = false;
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    await agenda.actions.saveSheet(fromForm(values.value));
    saved.value = agenda.error.peek() === null;
    if (saved.value) dirty.value = false;
  };
  const load = async (file: File | undefined) => {
    if (!file) return;
    const data = fromFile(await file.text());
    badFile.value = data === null;
    loaded.value = null;
    if (!data) return;
    const before = agenda.agenda.peek();
    const kept = before.steps.some((s) => statusOf(before, s.id) !== 'pending');
    // One change on the server: the sheet and the steps (those that ran or run stay, the file's follow).
    if (!(await agenda.actions.importFile({ sheet: data.sheet, steps: data.steps }))) return;
    if (data.sheet) {
      // What was typed before is replaced by the file's sheet, now saved.
      values.value = toForm(data.sheet);
      dirty.value = false;
    }
    const { count, minutes } = fileSummary(data, file.name);
    loaded.value = { count, minutes, kept };
  };
  return (
    <details class="agenda__sheet" data-testid="agenda-sheet">
      <summary>{t('sheet.title')}</summary>
      <p class="muted">{t('sheet.intro')}</p>
      <form onSubmit={submit}>
        {SECTIONS.map((section) => (
          <fieldset key={section.id} class="field">
            <legend>{t(`sheet.section.${section.id}` as MessageKey)}</legend>
            {section.fields.map((field) => (
              <SheetField key={field.name} field={field} value={values.value[field.name]} onInput={set} />
            ))}
          </fieldset>
        ))}
        <button type="submit" class="btn btn--primary" data-testid="sheet-save">
          {t('sheet.save')}
        </button>
        {saved.value && (
          <p role="status" data-testid="sheet-saved">
            {t('sheet.saved')}
          </p>
        )}
      </form>
      <div class="agenda__file">
        <button
          type="button"
          class="btn btn--small"
          data-testid="sheet-export"
          onClick={() => download(JSON.stringify(toFile(agenda.sheet.value, agenda.agenda.value.steps), null, 2))}
        >
          {t('sheet.export')}
        </button>
        <label class="btn btn--small file-pick">
          {t('sheet.import')}
          <input
            id="agenda-import"
            type="file"
            class="visually-hidden"
            accept="application/json,.json"
            onChange={(e) => {
              const input = e.currentTarget;
              void load(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
        {badFile.value && <Alert>{t('sheet.importFailed')}</Alert>}
        {loaded.value && (
          <p role="status" class="file-done" data-testid="sheet-imported">
            {t('sheet.imported', { count: loaded.value.count, minutes: loaded.value.minutes })}
            {loaded.value.kept && ` ${t('sheet.importedKept')}`}
          </p>
        )}
      </div>
      <p>
        <ReportButton doc="sheet" access={workshop.reportAccess.value} title={sheet?.title ?? ''} />
      </p>
    </details>
  );
}

function SheetField(props: {
  field: Field;
  value: string | boolean | undefined;
  onInput: (n: string, v: string | boolean) => void;
}) {
  const { field, value, onInput } = props;
  const id = `sheet-${field.name}`;
  const label = t(`sheet.field.${field.name}` as MessageKey);
  const text = typeof value === 'string' ? value : '';
  if (field.kind === 'check')
    return (
      <div class="field--inline">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onInput(field.name, e.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
      </div>
    );
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {field.kind === 'select' ? (
        <select id={id} value={text} onChange={(e) => onInput(field.name, e.currentTarget.value)}>
          <option value="">{t('sheet.choose')}</option>
          {field.options!.map((o) => (
            <option key={o} value={o}>
              {t(`sheet.${field.name}.${o}` as MessageKey)}
            </option>
          ))}
        </select>
      ) : field.kind === 'textarea' || field.kind === 'towns' ? (
        <textarea
          id={id}
          rows={field.kind === 'towns' ? 3 : 2}
          value={text}
          onInput={(e) => onInput(field.name, e.currentTarget.value)}
        />
      ) : (
        <input
          id={id}
          type={(field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : 'text') as 'text'}
          required={field.name === 'title'}
          value={text}
          onInput={(e) => onInput(field.name, e.currentTarget.value)}
        />
      )}
    </div>
  );
}

function download(json: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'run-sheet.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

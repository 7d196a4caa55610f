import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { allLanguages, endonym, LANGUAGES, languageNameIn, MAX_LANGUAGES, UI_LOCALES } from '../../shared/languages.js';
import { formatJoinCode, normalizeJoinCode, LIMITS } from '../../shared/workshops/constants.js';
import {
  CREATE_FILE_MAX_BYTES,
  fileBytes,
  fileSummary,
  fromFile,
  type RunSheetFile,
} from '../../shared/agenda/file.js';
import { allCountries, countryName, flagOf, MAX_COUNTRIES } from '../../shared/workshops/countries.js';
import type { WorkshopCreated } from '../../shared/workshops/schema.js';
import { errorText, languageName, locale, t } from '../i18n/i18n.js';
import type { Connection } from '../net/connection.js';
import { Alert } from '../ui/Alert.js';
import { navigate } from '../ui/router.js';
import { createdWorkshops } from '../workshops/session-store.js';
import { CreatedView } from './CreatedView.js';

export function HomePage({ conn }: { conn: Connection }) {
  const created = useSignal<WorkshopCreated | null>(null);
  if (created.value) return <CreatedView created={created.value} onAnother={() => (created.value = null)} />;
  return (
    <div class="page page--home">
      <CreateForm conn={conn} onCreated={(c) => (created.value = c)} />
      <aside class="home-side">
        <JoinByCode />
        <YourWorkshops />
      </aside>
    </div>
  );
}

function CreateForm({ conn, onCreated }: { conn: Connection; onCreated: (c: WorkshopCreated) => void }) {
  const title = useSignal('');
  const description = useSignal('');
  const languages = useSignal<string[]>([locale.value]);
  const startsAt = useSignal('');
  const countries = useSignal<string[]>([]);
  const runSheet = useSignal<RunSheetFile | null>(null);
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    const r = await conn.request('workshop:create', {
      title: title.value,
      description: description.value,
      languages: languages.value as never,
      startsAt: startsAt.value ? new Date(startsAt.value).toISOString() : null,
      countries: countries.value,
      ...(runSheet.value ? { runSheet: { sheet: runSheet.value.sheet, steps: runSheet.value.steps } } : {}),
    });
    busy.value = false;
    if (!r.ok) {
      error.value = errorText(r.code, r.retryAfterS);
      return;
    }
    createdWorkshops.add({
      code: r.data.workshop.code,
      title: r.data.workshop.title,
      inviteUrl: r.data.inviteUrl,
      moderatorUrl: r.data.moderatorUrl,
      createdAt: r.data.workshop.createdAt,
    });
    onCreated(r.data);
  };

  const toggle = (code: string, on: boolean) => {
    languages.value = on ? [...languages.value, code] : languages.value.filter((l) => l !== code);
  };
  // The interface languages first: they are the ones partner towns use most; then any language chosen.
  const common = [...UI_LOCALES, ...LANGUAGES.filter((l) => !(UI_LOCALES as readonly string[]).includes(l))];
  const ordered = [...common, ...languages.value.filter((l) => !common.includes(l as never))];

  return (
    <form class="card create-form" onSubmit={submit} aria-labelledby="create-title">
      <h1 id="create-title">{t('home.title')}</h1>
      <p class="lead">{t('home.intro')}</p>
      <div class="field">
        <label for="ws-title">{t('create.titleLabel')}</label>
        <input
          id="ws-title"
          name="title"
          required
          maxLength={LIMITS.title}
          value={title.value}
          placeholder={t('create.titlePlaceholder')}
          onInput={(e) => (title.value = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="ws-description">
          {t('create.descriptionLabel')} <span class="optional">({t('common.optional')})</span>
        </label>
        <textarea
          id="ws-description"
          name="description"
          rows={3}
          maxLength={LIMITS.description}
          value={description.value}
          onInput={(e) => (description.value = (e.target as HTMLTextAreaElement).value)}
        />
      </div>
      <fieldset class="field">
        <legend>{t('create.languagesLabel')}</legend>
        <div class="chips">
          {ordered.map((code) => (
            <label key={code} class="chip">
              <input
                type="checkbox"
                name="languages"
                value={code}
                checked={languages.value.includes(code)}
                onChange={(e) => toggle(code, (e.target as HTMLInputElement).checked)}
              />
              <span lang={code}>{languageName(code)}</span>
            </label>
          ))}
        </div>
        {languages.value.length < MAX_LANGUAGES && (
          <OtherLanguage shown={ordered} onPick={(code) => toggle(code, true)} />
        )}
      </fieldset>
      <CountryPicker chosen={countries.value} onChange={(next) => (countries.value = next)} />
      <div class="field">
        <label for="ws-starts">
          {t('create.startsAtLabel')} <span class="optional">({t('common.optional')})</span>
        </label>
        <input
          id="ws-starts"
          type="datetime-local"
          value={startsAt.value}
          onInput={(e) => (startsAt.value = (e.target as HTMLInputElement).value)}
        />
      </div>
      <RunSheetPicker file={runSheet.value} onChange={(f) => (runSheet.value = f)} />
      {error.value && <Alert>{error.value}</Alert>}
      <button class="btn btn--primary btn--large" type="submit" disabled={busy.value || languages.value.length === 0}>
        {busy.value ? t('create.busy') : t('create.submit')}
      </button>
    </form>
  );
}

/**
 * [AG17] Last year's run sheet file (or a partnership's): one button that opens the file picker, then what the
 * file holds, in words, before the workshop is created with it.
 */
function RunSheetPicker({ file, onChange }: { file: RunSheetFile | null; onChange: (f: RunSheetFile | null) => void }) {
  const bad = useSignal<'notRunSheet' | 'tooLarge' | null>(null);
  const name = useSignal('');
  const pick = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    const data = fromFile(await chosen.text());
    const tooLarge = data !== null && fileBytes(data) > CREATE_FILE_MAX_BYTES;
    bad.value = data === null ? 'notRunSheet' : tooLarge ? 'tooLarge' : null;
    name.value = chosen.name;
    onChange(tooLarge ? null : data);
  };
  const summary = file && fileSummary(file, name.value);
  return (
    <fieldset class="field">
      <legend>
        {t('create.fromFileLegend')} <span class="optional">({t('common.optional')})</span>
      </legend>
      <p class="help">{t('create.fromFileHelp', { button: t('sheet.export') })}</p>
      <div class="file-row">
        <label class="btn file-pick">
          {t('create.fromFileButton')}
          <input
            id="ws-run-sheet"
            type="file"
            class="visually-hidden"
            accept="application/json,.json"
            onChange={(e) => void pick(e.currentTarget)}
          />
        </label>
        {file && (
          <button type="button" class="btn btn--ghost" onClick={() => onChange(null)}>
            {t('create.fromFileRemove')}
          </button>
        )}
      </div>
      {bad.value && <Alert>{t(bad.value === 'tooLarge' ? 'create.fromFileTooLarge' : 'create.fromFileBad')}</Alert>}
      {summary && (
        <p role="status" class="file-done" data-testid="create-run-sheet">
          {t('create.fromFileReady', summary)}
        </p>
      )}
    </fieldset>
  );
}

/** [WS32] Any other language (Finnish for Kouvola, Hungarian, Turkish...): by its own name and the reader's. */
function OtherLanguage({ shown, onPick }: { shown: readonly string[]; onPick: (code: string) => void }) {
  const lang = locale.value;
  const options = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return allLanguages()
      .map((code) => {
        const own = endonym(code);
        const here = languageNameIn(code, lang);
        return { code, label: own.toLocaleLowerCase() === here.toLocaleLowerCase() ? own : `${own} (${here})`, here };
      })
      .sort((a, b) => collator.compare(a.here, b.here));
  }, [lang]);
  return (
    <div class="field field--inline">
      <label for="ws-language-add">{t('create.languageAdd')}</label>
      <select
        id="ws-language-add"
        value=""
        onChange={(e) => {
          const code = (e.target as HTMLSelectElement).value;
          if (code) onPick(code);
          (e.target as HTMLSelectElement).value = '';
        }}
      >
        <option value="">{t('create.languageChoose')}</option>
        {options
          .filter((o) => !shown.includes(o.code))
          .map((o) => (
            <option key={o.code} value={o.code} lang={o.code}>
              {o.label}
            </option>
          ))}
      </select>
    </div>
  );
}

/** [WS29] The partner towns' countries: a list to add from, and each chosen one as a button that removes it. */
function CountryPicker({ chosen, onChange }: { chosen: string[]; onChange: (next: string[]) => void }) {
  const lang = locale.value;
  const options = useMemo(() => allCountries(lang), [lang]);
  return (
    <fieldset class="field">
      <legend>
        {t('create.countriesLabel')} <span class="optional">({t('common.optional')})</span>
      </legend>
      <p class="help" id="ws-countries-help">
        {t('create.countriesHelp')}
      </p>
      {chosen.length > 0 && (
        <ul class="chips chips--list" data-testid="countries-chosen">
          {chosen.map((code) => (
            <li key={code}>
              <button
                type="button"
                class="chip chip--on"
                aria-label={t('create.countryRemove', { country: countryName(code, lang) })}
                onClick={() => onChange(chosen.filter((c) => c !== code))}
              >
                <span aria-hidden="true">{flagOf(code)}</span> {countryName(code, lang)}{' '}
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen.length < MAX_COUNTRIES && (
        <>
          <label for="ws-country-add">{t('create.countryAdd')}</label>
          <select
            id="ws-country-add"
            aria-describedby="ws-countries-help"
            value=""
            onChange={(e) => {
              const code = (e.target as HTMLSelectElement).value;
              if (code && !chosen.includes(code)) onChange([...chosen, code]);
              (e.target as HTMLSelectElement).value = '';
            }}
          >
            <option value="">{t('create.countryChoose')}</option>
            {options
              .filter((code) => !chosen.includes(code))
              .map((code) => (
                <option key={code} value={code}>
                  {countryName(code, lang)}
                </option>
              ))}
          </select>
        </>
      )}
    </fieldset>
  );
}

function JoinByCode() {
  const code = useSignal('');
  return (
    <form
      class="card"
      onSubmit={(e) => {
        e.preventDefault();
        const c = normalizeJoinCode(code.value);
        if (c.length === 6) navigate(`/j/${formatJoinCode(c)}`);
      }}
    >
      <h2>{t('home.haveCode')}</h2>
      <div class="field">
        <label for="join-code">{t('home.codeLabel')}</label>
        <div class="inline-row">
          <input
            id="join-code"
            class="code-input"
            autoComplete="off"
            autoCapitalize="characters"
            placeholder="ABC-234"
            maxLength={9}
            value={code.value}
            onInput={(e) => (code.value = (e.target as HTMLInputElement).value)}
          />
          <button class="btn" type="submit">
            {t('home.join')}
          </button>
        </div>
      </div>
    </form>
  );
}

function YourWorkshops() {
  const list = createdWorkshops.list();
  if (list.length === 0) return null;
  return (
    <section class="card">
      <h2>{t('home.yourWorkshops')}</h2>
      <ul class="plain-list">
        {list.map((w) => (
          <li key={w.code}>
            <a href={w.moderatorUrl}>{w.title}</a> <span class="muted">{formatJoinCode(w.code)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

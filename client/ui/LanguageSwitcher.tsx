import { UI_LOCALES, isUiLocale } from '../../shared/languages.js';
import { languageName, locale, setLocale, t } from '../i18n/i18n.js';

export function LanguageSwitcher() {
  return (
    <label class="lang-switch">
      <span class="lang-switch__label">{t('lang.interface')}</span>
      <select
        value={locale.value}
        data-testid="language-switch"
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          if (isUiLocale(v)) void setLocale(v);
        }}
      >
        {UI_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageName(l)}
          </option>
        ))}
      </select>
    </label>
  );
}

import { normalizeJoinCode } from '../shared/workshops/constants.js';
import { HomePage } from './home/HomePage.js';
import { t } from './i18n/i18n.js';
import type { Connection } from './net/connection.js';
import { LanguageSwitcher } from './ui/LanguageSwitcher.js';
import { navigate, path } from './ui/router.js';
import { WorkshopRoute } from './workshops/WorkshopRoute.js';

export function App({ conn }: { conn: Connection }) {
  const match = /^\/j\/([A-Za-z0-9-]{3,20})\/?$/.exec(path.value);
  const code = match ? normalizeJoinCode(match[1]!) : null;
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="topbar">
        <a
          class="brand"
          href="/"
          onClick={(e) => {
            if (code) return; // inside a workshop a real navigation is fine: it is a deliberate exit
            e.preventDefault();
            navigate('/');
          }}
        >
          <span class="brand__logo" aria-hidden="true" />
          <span class="brand__name">{t('app.name')}</span>
          <span class="brand__tagline">{t('app.tagline')}</span>
        </a>
        <LanguageSwitcher />
      </header>
      {conn.storeTrouble.value && (
        <div class="banner banner--warning" role="status" data-testid="store-trouble-banner">
          {t('status.storeTrouble')}
        </div>
      )}
      <main id="main" tabIndex={-1}>
        {code ? <WorkshopRoute key={code} conn={conn} code={code} /> : <HomePage conn={conn} />}
      </main>
    </>
  );
}

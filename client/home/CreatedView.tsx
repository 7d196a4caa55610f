import { useSignal } from '@preact/signals';
import { formatJoinCode } from '../../shared/workshops/constants.js';
import type { WorkshopCreated } from '../../shared/workshops/schema.js';
import { t } from '../i18n/i18n.js';
import { CopyField } from '../ui/CopyField.js';

export function CreatedView({ created, onAnother }: { created: WorkshopCreated; onAnother: () => void }) {
  const big = useSignal(false);
  const code = formatJoinCode(created.workshop.code);
  const qr = `/api/workshops/${code}/qr.svg`;
  return (
    <div class="page page--created">
      <section class="card created" aria-labelledby="created-title">
        <h1 id="created-title">{t('created.title')}</h1>
        <p class="lead">{created.workshop.title}</p>
        {created.imported && (
          <p role="status" class="file-done" data-testid="created-imported">
            {t('created.imported', { count: created.imported.steps, minutes: created.imported.minutes })}
          </p>
        )}
        <div class="created__grid">
          <div>
            <CopyField
              id="invite-url"
              testId="invite-url"
              label={t('created.inviteLabel')}
              help={t('created.inviteHelp')}
              value={created.inviteUrl}
            />
            <p class="join-code">
              {t('created.codeLabel')}: <strong data-testid="join-code">{code}</strong>
            </p>
          </div>
          <figure class="qr">
            <img src={qr} alt={t('created.qrAlt')} width={220} height={220} />
            <button type="button" class="btn" onClick={() => (big.value = true)}>
              {t('created.qrShow')}
            </button>
          </figure>
        </div>
        <div class="secret-box">
          <CopyField
            id="moderator-url"
            testId="moderator-url"
            label={t('created.moderatorLabel')}
            help={t('created.moderatorHelp')}
            value={created.moderatorUrl}
          />
        </div>
        <div class="actions">
          <a class="btn btn--primary btn--large" href={created.moderatorUrl} data-testid="open-as-moderator">
            {t('created.openAsModerator')}
          </a>
          <button type="button" class="btn btn--ghost" onClick={onAnother}>
            {t('created.another')}
          </button>
        </div>
      </section>
      {big.value && (
        <div
          class="qr-overlay"
          role="dialog"
          aria-modal="true"
          aria-label={t('created.qrAlt')}
          onKeyDown={(e) => e.key === 'Escape' && (big.value = false)}
        >
          <img src={qr} alt={t('created.qrAlt')} />
          <p class="qr-overlay__code">{code}</p>
          <p class="qr-overlay__url">{created.inviteUrl}</p>
          {/* biome-ignore lint/a11y/noAutofocus: the dialog opens on a click; focus moves into it so Escape and Tab work there */}
          <button type="button" class="btn btn--large" autoFocus onClick={() => (big.value = false)}>
            {t('created.qrHide')}
          </button>
        </div>
      )}
    </div>
  );
}

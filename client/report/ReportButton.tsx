import { useSignal } from '@preact/signals';
import { t } from '../i18n/i18n.js';
import { lazy } from '../ui/lazy.js';
import type { ReportAccess } from './fetch.js';

const ReportDialog = lazy(() => import('./ReportDialog.js').then((m) => m.ReportDialog), 'report.loading');

/** "Results report": opens the report of this workshop (its code is loaded on the first press). */
export function ReportButton({
  access,
  title,
  primary = false,
}: {
  access: ReportAccess | null;
  title: string;
  primary?: boolean;
}) {
  const open = useSignal(false);
  if (!access) return null;
  return (
    <>
      <button
        type="button"
        class={primary ? 'btn btn--primary btn--large' : 'btn'}
        data-testid="report-open"
        aria-haspopup="dialog"
        onClick={() => (open.value = true)}
      >
        {t('report.open')}
      </button>
      {open.value && <ReportDialog access={access} title={title} onClose={() => (open.value = false)} />}
    </>
  );
}

import { useSignal } from '@preact/signals';
import { t } from '../i18n/i18n.js';
import { lazy } from '../ui/lazy.js';
import type { ReportAccess, ReportDoc } from './fetch.js';

const ReportDialog = lazy(() => import('./ReportDialog.js').then((m) => m.ReportDialog), 'report.loading');

/**
 * "Results report" (or, with doc="sheet", the template sheet's print view): opens it in a dialog (its code
 * is loaded on the first press).
 */
export function ReportButton({
  access,
  title,
  primary = false,
  doc = 'report',
}: {
  access: ReportAccess | null;
  title: string;
  primary?: boolean;
  doc?: ReportDoc;
}) {
  const open = useSignal(false);
  if (!access) return null;
  return (
    <>
      <button
        type="button"
        class={primary ? 'btn btn--primary btn--large' : 'btn'}
        data-testid={doc === 'sheet' ? 'sheet-print' : 'report-open'}
        aria-haspopup="dialog"
        onClick={() => (open.value = true)}
      >
        {doc === 'sheet' ? t('sheet.print') : t('report.open')}
      </button>
      {open.value && <ReportDialog access={access} title={title} doc={doc} onClose={() => (open.value = false)} />}
    </>
  );
}

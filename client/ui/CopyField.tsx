import { useSignal } from '@preact/signals';
import { t } from '../i18n/i18n.js';

/** A read-only value with a one-click copy button; the button says when it worked. */
export function CopyField({
  label,
  value,
  id,
  help,
  testId,
}: {
  label: string;
  value: string;
  id: string;
  help?: string;
  testId?: string;
}) {
  const state = useSignal<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      state.value = 'copied';
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      state.value = 'failed';
    }
    setTimeout(() => (state.value = 'idle'), 2500);
  };
  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      {help && (
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      )}
      <div class="copy-field__row">
        <input
          id={id}
          readOnly
          value={value}
          data-testid={testId}
          aria-describedby={help ? `${id}-help` : undefined}
          onFocus={(e) => (e.target as HTMLInputElement).select()}
        />
        <button type="button" class="btn" onClick={copy}>
          {state.value === 'copied' ? `✓ ${t('common.copied')}` : t('common.copy')}
        </button>
      </div>
      <p class="help" role="status" aria-live="polite">
        {state.value === 'failed' ? t('common.copyFailed') : ''}
      </p>
    </div>
  );
}

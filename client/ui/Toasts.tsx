import { type Signal, signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n/i18n.js';

/** A notification with at most one action ("Go to the room", "Vote"); gone after `TOAST_MS` or when used. */
export interface Toast {
  /** Same key, same notification: a second hand from the same person replaces the first. */
  key: string;
  text: string;
  action?: { label: string; run: () => void };
  at: number;
}

export const TOAST_MS = 12_000;
/** More than this many at once: the oldest go (a room of 30 raising hands must not bury the screen). */
export const MAX_TOASTS = 4;

export interface Toasts {
  items: Signal<Toast[]>;
  show(toast: Omit<Toast, 'at'>): void;
  dismiss(key: string): void;
}

export function createToasts(now: () => number = Date.now): Toasts {
  const items = signal<Toast[]>([]);
  return {
    items,
    show(toast) {
      items.value = [...items.value.filter((x) => x.key !== toast.key), { ...toast, at: now() }].slice(-MAX_TOASTS);
    },
    dismiss(key) {
      items.value = items.value.filter((x) => x.key !== key);
    },
  };
}

/**
 * [LAYOUT5] The notifications region: read out politely by screen readers, each with its action and a close
 * button; they leave by themselves (after the time, not while the pointer or focus is on them).
 */
export function ToastRegion({ toasts }: { toasts: Toasts }) {
  const list = toasts.items.value;
  useEffect(() => {
    if (list.length === 0) return;
    const timer = setInterval(() => {
      const region = document.querySelector('.toasts');
      if (region?.matches(':hover, :focus-within')) return;
      const cutoff = Date.now() - TOAST_MS;
      if (toasts.items.peek().some((x) => x.at < cutoff))
        toasts.items.value = toasts.items.peek().filter((x) => x.at >= cutoff);
    }, 1_000);
    return () => clearInterval(timer);
  }, [list.length > 0]);
  return (
    <section class="toasts" aria-label={t('layout.toasts')}>
      <div role="status" aria-live="polite">
        <ul class="toasts__list" data-testid="toasts">
          {list.map((toast) => (
            <li key={toast.key} class="toast" data-testid="toast" data-key={toast.key}>
              <span class="toast__text">
                <bdi>{toast.text}</bdi>
              </span>
              {toast.action && (
                <button
                  type="button"
                  class="btn btn--small btn--primary"
                  data-testid="toast-action"
                  onClick={() => {
                    toasts.dismiss(toast.key);
                    toast.action!.run();
                  }}
                >
                  {toast.action.label}
                </button>
              )}
              <button
                type="button"
                class="btn btn--small btn--ghost"
                aria-label={t('layout.toast.dismiss')}
                onClick={() => toasts.dismiss(toast.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

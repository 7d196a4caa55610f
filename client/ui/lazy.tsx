import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { type MessageKey, t } from '../i18n/i18n.js';

export type LazyComponent<P> = ComponentType<P> & {
  /** Starts the download early (e.g. while the person is still on the join page); safe to call often. */
  preload(): Promise<void>;
};

/**
 * A component whose code is downloaded the first time it is shown (a dynamic import, its own chunk),
 * so people who never see it never download it: media for those who joined without, moderator panels
 * for participants, the board canvas until the board is on screen. Meanwhile a small status says what
 * is coming (`label`); a failed download (e.g. a lost connection) offers to try again.
 */
export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  label: MessageKey = 'common.loading',
): LazyComponent<P> {
  const loaded = signal<ComponentType<P> | null>(null);
  const failed = signal(false);
  let pending: Promise<void> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => {
        loaded.value = component;
      },
      () => {
        pending = null;
        failed.value = true;
      },
    ));

  function Lazy(props: P) {
    const Component = loaded.value;
    useEffect(() => {
      if (!Component) void preload();
    }, [Component]);
    if (Component) return <Component {...props} />;
    if (failed.value)
      return (
        <p class="lazy lazy--failed" role="alert" data-testid="lazy-failed">
          {t('common.loadFailed')}{' '}
          <button
            type="button"
            class="btn btn--small"
            onClick={() => {
              failed.value = false;
              void preload();
            }}
          >
            {t('common.retry')}
          </button>
        </p>
      );
    return (
      <p class="lazy loading" role="status" data-testid="lazy-loading">
        {t(label)}
      </p>
    );
  }
  return Object.assign(Lazy, { preload });
}

import { signal } from '@preact/signals';

/** The current path; two routes do not need a router library. */
export const path = signal(typeof location === 'undefined' ? '/' : location.pathname);

if (typeof window !== 'undefined') window.addEventListener('popstate', () => (path.value = location.pathname));

export function navigate(to: string) {
  history.pushState(null, '', to);
  path.value = new URL(to, location.href).pathname;
}

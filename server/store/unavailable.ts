/**
 * Errors that mean "the store cannot be reached right now" (Redis down, restarting, loading its
 * data): answered as `store_unavailable`, retried where that is safe, never logged as a bug.
 */
const UNAVAILABLE_NAMES = new Set([
  'ClientClosedError',
  'ClientOfflineError',
  'ConnectionTimeoutError',
  'SocketClosedUnexpectedlyError',
  'ReconnectStrategyError',
  'SocketTimeoutError',
  'DisconnectsClientError',
]);
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

export function isStoreUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (UNAVAILABLE_NAMES.has(err.name) || UNAVAILABLE_NAMES.has(err.constructor.name)) return true;
  if (UNAVAILABLE_CODES.has((err as NodeJS.ErrnoException).code ?? '')) return true;
  // Redis answers while it reloads its data after a restart, and when it cannot persist.
  return /^(LOADING|MISCONF|READONLY|TRYAGAIN|MASTERDOWN)\b/.test(err.message) || /client is closed/i.test(err.message);
}

/**
 * Fields the formats' set-up forms share (flash round, two truths, fishbowl, idea market): a labelled number of
 * seconds or seats, kept as typed text and read back clamped; and the choice between the plenary and
 * every breakout room at once.
 */
import type { Signal } from '@preact/signals';
import { PLENARY } from '../../shared/rooms.js';
import { ALL_BREAKOUTS } from '../../shared/speaking/constants.js';
import { type MessageKey, t } from '../i18n/i18n.js';

/** The typed number, rounded and kept within [min, max]; `fallback` when it is not a number. */
export function clampInt(raw: string, min: number, max: number, fallback = min): number {
  const n = Math.round(Number(raw));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export function NumberField(p: {
  id: string;
  label: MessageKey;
  min: number;
  max: number;
  step?: number;
  value: Signal<string>;
}) {
  return (
    <div class="field field--inline">
      <label for={p.id}>{t(p.label)}</label>
      <input
        id={p.id}
        type="number"
        min={p.min}
        max={p.max}
        step={p.step}
        value={p.value.value}
        onInput={(e) => (p.value.value = (e.target as HTMLInputElement).value)}
      />
    </div>
  );
}

/** "Where": the plenary, or every breakout room at once (offered only in the plenary while rooms are open). */
export function ScopeField({ id, scope }: { id: string; scope: Signal<string> }) {
  return (
    <div class="field">
      <label for={id}>{t('speak.scope')}</label>
      <select id={id} value={scope.value} onChange={(e) => (scope.value = (e.target as HTMLSelectElement).value)}>
        <option value={PLENARY}>{t('speak.scope.plenary')}</option>
        <option value={ALL_BREAKOUTS}>{t('speak.scope.breakouts')}</option>
      </select>
    </div>
  );
}

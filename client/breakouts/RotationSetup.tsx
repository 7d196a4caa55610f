import { useSignal } from '@preact/signals';
import { MAX_ROUNDS, ROTATION_KINDS } from '../../shared/breakouts/constants.js';
import type { RotationKind } from '../../shared/breakouts/schema.js';
import type { Language } from '../../shared/languages.js';
import { languageName, t } from '../i18n/i18n.js';
import { NumberField } from './NumberField.js';
import type { BreakoutsState } from './state.js';

/** Formats with rounds that run by themselves: speed dating, tandem, World Café, reception. */
export function RotationSetup({ br, languages }: { br: BreakoutsState; languages: readonly string[] }) {
  const kind = useSignal<RotationKind>('speedDating');
  const rounds = useSignal(4);
  const minutes = useSignal(5);
  const langA = useSignal(languages[0] ?? 'de');
  const langB = useSignal(languages[1] ?? languages[0] ?? 'fr');
  // [BR27] 1-2-4-All: its own three lengths (alone, pairs, fours), 1 : 2 : 4 minutes unless changed.
  const stages = useSignal<number[]>([1, 2, 4]);
  const nested = kind.value === 'nested';
  const start = () =>
    void br.actions.rotate({
      kind: kind.value,
      rounds: nested ? 3 : rounds.value,
      durationMs: Math.round((nested ? stages.value[0]! : minutes.value) * 60_000),
      languages: kind.value === 'tandem' ? ([langA.value, langB.value] as Language[]) : [],
      ...(nested && { durations: stages.value.map((m) => Math.round(m * 60_000)) }),
    });
  return (
    <details class="rotation" data-testid="rotation-setup">
      <summary>{t('br.rotation')}</summary>
      <div class="field">
        <label for="rot-kind">{t('br.rotation.kind')}</label>
        <select
          id="rot-kind"
          value={kind.value}
          onChange={(e) => (kind.value = (e.target as HTMLSelectElement).value as RotationKind)}
        >
          {ROTATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`br.rotation.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind.value === 'worldCafe' && <p class="help">{t('br.rotation.worldCafeHelp')}</p>}
      {nested && <p class="help">{t('br.nested.help')}</p>}
      {nested ? (
        <div class="field--inline">
          {(['minutesAlone', 'minutesPairs', 'minutesFours'] as const).map((key, i) => (
            <NumberField
              key={key}
              id={`nested-${key}`}
              label={t(`br.nested.${key}`)}
              value={stages.value[i]!}
              min={0.05}
              step={0.05}
              max={240}
              onChange={(v) => (stages.value = stages.value.map((m, j) => (j === i ? v : m)))}
            />
          ))}
        </div>
      ) : (
        <div class="field--inline">
          <NumberField
            id="rot-rounds"
            label={t('br.rotation.rounds')}
            value={rounds.value}
            min={1}
            max={MAX_ROUNDS}
            onChange={(v) => (rounds.value = Math.min(MAX_ROUNDS, v))}
          />
          <NumberField
            id="rot-minutes"
            label={t('br.rotation.minutes')}
            value={minutes.value}
            min={0.25}
            step={0.25}
            max={240}
            onChange={(v) => (minutes.value = v)}
          />
          {kind.value === 'tandem' &&
            (
              [
                ['rot-lang-a', t('br.language.first'), langA],
                ['rot-lang-b', t('br.language.second'), langB],
              ] as const
            ).map(([id, label, sig]) => (
              <span key={id} class="inline-field">
                <label for={id}>{label}</label>
                <select id={id} value={sig.value} onChange={(e) => (sig.value = (e.target as HTMLSelectElement).value)}>
                  {languages.map((l) => (
                    <option key={l} value={l}>
                      {languageName(l)}
                    </option>
                  ))}
                </select>
              </span>
            ))}
        </div>
      )}
      <button type="button" class="btn btn--primary" data-testid="rotation-start" onClick={start}>
        {t('br.rotation.start')}
      </button>
    </details>
  );
}

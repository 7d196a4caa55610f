/** A labelled number input that never goes below its minimum. */
export function NumberField(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max?: number;
  step?: number;
  onChange: (v: number) => void;
}) {
  return (
    <span class="inline-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={props.min}
        max={props.max ?? 500}
        step={props.step ?? 1}
        value={props.value}
        onInput={(e) => props.onChange(Math.max(props.min, Number((e.target as HTMLInputElement).value) || props.min))}
      />
    </span>
  );
}

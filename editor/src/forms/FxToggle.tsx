/** Props of {@link FxToggle}. */
export interface FxToggleProps {
  on: boolean;
  label: string;
  disabled: boolean;
  onToggle(): void;
}

/** The small "fx" button that switches a field between its typed control and an expression. */
export function FxToggle({ on, label, disabled, onToggle }: FxToggleProps) {
  return (
    <button
      type="button"
      className="cs-fx"
      aria-pressed={on}
      aria-label={`Expression for ${label}`}
      title={on ? 'Use a fixed value' : 'Use an expression'}
      disabled={disabled}
      onClick={onToggle}
    >
      fx
    </button>
  );
}

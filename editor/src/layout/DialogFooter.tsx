/** The end of a form dialog: what went wrong (if anything), Cancel, and the submit button with its busy label. */
export function DialogFooter({
  error,
  busy,
  disabled = false,
  submitLabel,
  busyLabel,
  submitTestId,
  onCancel,
  className = 'cs-dialog__actions',
}: {
  error: string | null;
  busy: boolean;
  /** The submit button stays off while the form is incomplete, too. */
  disabled?: boolean;
  submitLabel: string;
  busyLabel: string;
  submitTestId?: string;
  onCancel(): void;
  className?: string;
}) {
  return (
    <>
      {error ? (
        <p className="cs-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className={className}>
        <button type="button" className="cs-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="cs-button cs-button--primary" disabled={busy || disabled} data-testid={submitTestId}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </>
  );
}

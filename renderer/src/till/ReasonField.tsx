/**
 * Why something was done (a discount, a void, a weight changed): typed, or one of the usual reasons
 * picked with a touch. Nothing is chosen for the cashier, so Enter never records a reason nobody
 * picked; the dialog refuses an empty one.
 */
export function ReasonField({ id, reasons, value, onChange, autoFocus = false }: { id: string; reasons: readonly string[]; value: string; onChange(reason: string): void; autoFocus?: boolean }) {
  return (
    <>
      <label htmlFor={id}>Reason</label>
      <input id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-required="true" maxLength={200} autoFocus={autoFocus} />
      <div className="reason-chips" role="group" aria-label="Usual choices">
        {reasons.map((option) => (
          <button key={option} type="button" aria-pressed={value === option} onClick={() => onChange(option)}>
            {option}
          </button>
        ))}
      </div>
    </>
  );
}

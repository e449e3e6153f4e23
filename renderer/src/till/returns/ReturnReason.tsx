import { dec, formatAmount, RETURN_REASONS, returnReasonText, type ReturnReasonChoice } from '../../../../shared/src/index.js';
import '../counter.css';

/** What the cashier chose for a returned line: nothing yet, one of the reasons, or Other with words. */
export interface ReasonChoice {
  choice: ReturnReasonChoice | '';
  other: string;
}

export const NO_REASON: ReasonChoice = { choice: '', other: '' };

/** A returned line's unit price as charged, never rounded below its own places (0.125 a piece stays 0.125). */
export function unitPrice(price: string, currencyDecimals: number, currency: string): string {
  return `${formatAmount(price, Math.max(currencyDecimals, dec(price).decimalPlaces()))} ${currency}`;
}

/** The words "Other: " leaves for the cashier's own, within the document's 200 characters. */
const OTHER_WORDS_MAX = 190;

/** The reason as the return records it, or undefined while the cashier has not given one. */
export function reasonText(reason: ReasonChoice | undefined): string | undefined {
  return reason ? returnReasonText(reason.choice, reason.other) : undefined;
}

/**
 * Which returned products still lack a reason, in one sentence for the cashier ("Choose a reason for
 * Whole Milk and Red Wine."), or null when each has one. Nothing is preselected: a reason is what the
 * customer said, never a default.
 */
export function missingReasons(rows: readonly { name: string; reason: ReasonChoice | undefined }[]): string | null {
  const names = rows.filter((row) => reasonText(row.reason) === undefined).map((row) => row.name);
  if (names.length === 0) return null;
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const other = rows.some((row) => row.reason?.choice === 'Other' && reasonText(row.reason) === undefined);
  return `Choose a reason for ${listed}${other ? ' (for Other, say in a few words)' : ''}.`;
}

/** A returned line's reason: a choice with no default, and for Other a few words of the cashier's. */
export function ReturnReasonField({ productName, value, onChange }: { productName: string; value: ReasonChoice; onChange: (reason: ReasonChoice) => void }) {
  const missing = reasonText(value) === undefined;
  return (
    <span className="return-reason">
      <select aria-label={`Reason for returning ${productName}`} aria-invalid={missing} value={value.choice} onChange={(event) => onChange({ ...value, choice: event.target.value as ReturnReasonChoice | '' })}>
        <option value="" disabled>
          Choose a reason
        </option>
        {RETURN_REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {reason}
          </option>
        ))}
      </select>
      {value.choice === 'Other' ? (
        <input
          aria-label={`Other reason for returning ${productName}`}
          className="return-reason__words"
          placeholder="In a few words"
          maxLength={OTHER_WORDS_MAX}
          autoComplete="off"
          value={value.other}
          onChange={(event) => onChange({ ...value, other: event.target.value })}
        />
      ) : null}
    </span>
  );
}

import { countedTotal, dec, denominationsFor, formatAmount, toFixedString, type Count } from '../../../../shared/src/index.js';
import { money } from '../format.js';

/** What the cashier typed per denomination ("20" → "3"); a missing or empty entry counts none. */
export type CountEntries = Readonly<Record<string, string>>;

/** The rows counted, in the drawer's order; denominations counted as none are left out. */
export function countRows(currency: string, entries: CountEntries): Count[] {
  return denominationsFor(currency)
    .map((denomination) => ({ denomination, count: Number(entries[denomination] || '0') }))
    .filter((row) => Number.isSafeInteger(row.count) && row.count > 0);
}

/** What the entries add up to, as an amount string with the store's decimals. */
export function countTotal(currency: string, entries: CountEntries, decimals: number): string {
  return toFixedString(countedTotal(countRows(currency, entries)), decimals);
}

/**
 * The drawer counted note by note and coin by coin, largest first: one input per denomination
 * ("Count of 20.00"), the amount of each row and the total.
 */
export function CashCount({
  currency,
  decimals,
  entries,
  onChange,
  idPrefix,
  caption,
  autoFocus = false,
  locked = false,
}: {
  currency: string;
  decimals: number;
  entries: CountEntries;
  onChange: (entries: CountEntries) => void;
  idPrefix: string;
  caption: string;
  /** Puts the focus in the first row when the count appears. */
  autoFocus?: boolean;
  /** The count is confirmed (a blind close) and is shown, no longer changed. */
  locked?: boolean;
}) {
  const denominations = denominationsFor(currency);
  // Two columns, largest first down the first and on down the second: Tab follows the count.
  const half = Math.ceil(denominations.length / 2);
  const columns = [denominations.slice(0, half), denominations.slice(half)];
  return (
    <fieldset className="cash-count" data-testid="cash-count">
      <legend>{caption}</legend>
      <div className="cash-count__columns">
        {columns.map((column, columnIndex) => (
          <table key={columnIndex} className="cash-count__table">
            <thead>
              <tr>
                <th scope="col">Note or coin</th>
                <th scope="col">Count</th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {column.map((denomination) => {
                const index = denominations.indexOf(denomination);
                const shown = formatAmount(denomination, decimals);
                const count = Number(entries[denomination] || '0');
                return (
                  <tr key={denomination}>
                    <th scope="row">
                      <label htmlFor={`${idPrefix}-${index}`}>{shown}</label>
                    </th>
                    <td>
                      <input
                        id={`${idPrefix}-${index}`}
                        className="cash-count__input"
                        aria-label={`Count of ${shown}`}
                        inputMode="numeric"
                        autoComplete="off"
                        maxLength={7}
                        autoFocus={autoFocus && index === 0}
                        readOnly={locked}
                        value={entries[denomination] ?? ''}
                        onChange={(event) => onChange({ ...entries, [denomination]: event.target.value.replace(/\D/g, '') })}
                        onKeyDown={(event) => {
                          // Enter goes on to the next note or coin, as on a counting machine: it never
                          // closes a shift (or fixes a blind count) halfway through the drawer.
                          if (event.key !== 'Enter') return;
                          event.preventDefault();
                          const fields = [...(event.currentTarget.closest('.cash-count')?.querySelectorAll<HTMLInputElement>('.cash-count__input') ?? [])];
                          const next = fields[fields.indexOf(event.currentTarget) + 1];
                          if (next) next.focus();
                          else event.currentTarget.form?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
                        }}
                      />
                    </td>
                    <td className="num">{count > 0 ? formatAmount(toFixedString(dec(denomination).mul(count), decimals), decimals) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      </div>
      <p className="cash-count__total">
        Total counted <strong data-testid="count-total">{money(countTotal(currency, entries, decimals), currency)}</strong>
      </p>
    </fieldset>
  );
}

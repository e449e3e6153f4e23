import { useState, type FormEvent } from 'react';
import { DEFAULT_DISCOUNT_LIMITS, DEFAULT_LARGEST_NOTE, DEFAULT_STORE_LIMITS, type Store, type StoreSettingsChange, type StockRow } from '../../../../shared/src/index.js';
import { CheckField, FormField, FormProblem, problemFor, useSubmit, type FieldControlProps, type FieldProblem } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { useLoaded } from '../use-loaded.js';
import { ScaleLabelsForm } from './ScaleLabelsForm.js';
import { quickKeysText, typedQuickKeys } from './quick-keys.js';

interface SettingsFields {
  cashierLimit: string;
  supervisorLimit: string;
  cashRounding: string;
  lineQuantity: string;
  documentAmount: string;
  address: string;
  vatNumber: string;
  receiptFooter: string;
  locale: string;
  timeZone: string;
  largestNote: string;
  blindClose: boolean;
  quickKeys: string;
  negativeStock: 'warn' | 'block';
}

/** Each setting's name as the server's problems give it, in the words of the form. */
const LABELS: Record<string, string> = {
  discountLimits: 'discount limits',
  'discountLimits.cashier': 'cashier discount limit',
  'discountLimits.supervisor': 'supervisor discount limit',
  cashRounding: 'cash rounding step',
  limits: 'limits',
  'limits.lineQuantity': 'most on one line',
  'limits.documentAmount': 'largest amount on one receipt',
  address: 'address',
  vatNumber: 'VAT number',
  receiptFooter: 'receipt footer',
  locale: 'locale',
  timeZone: 'time zone',
  largestNote: 'largest note taken',
  blindClose: 'blind close',
  quickKeys: 'quick keys',
  negativeStock: 'below zero',
};

function fieldsOf(store: Store, products: readonly StockRow[]): SettingsFields {
  return {
    cashierLimit: store.discountLimits?.cashier ?? '',
    supervisorLimit: store.discountLimits?.supervisor ?? '',
    cashRounding: store.cashRounding ?? '',
    lineQuantity: store.limits?.lineQuantity ?? '',
    documentAmount: store.limits?.documentAmount ?? '',
    address: store.address ?? '',
    vatNumber: store.vatNumber ?? '',
    receiptFooter: store.receiptFooter ?? '',
    locale: store.locale ?? '',
    timeZone: store.timeZone ?? '',
    largestNote: store.largestNote ?? '',
    blindClose: store.blindClose === true,
    quickKeys: quickKeysText(store, products),
    negativeStock: store.negativeStock,
  };
}

/** A figure as typed: a comma is read as the decimal point. */
const figure = (value: string) => value.trim().replace(',', '.');
/** An empty field removes the setting (null), so the tills' defaults apply. */
const text = (value: string) => value.trim() || null;

/** What the form asks the server to change, or the problem found before anything is sent. */
function changeOf(fields: SettingsFields, store: Store, products: readonly StockRow[]): StoreSettingsChange {
  const cashier = figure(fields.cashierLimit);
  const supervisor = figure(fields.supervisorLimit);
  const lineQuantity = figure(fields.lineQuantity);
  const documentAmount = figure(fields.documentAmount);
  const quickKeys = typedQuickKeys(fields.quickKeys, store, products);
  if (quickKeys.unknown.length > 0) throw new FormProblem('quickKeys', `no product with SKU ${quickKeys.unknown.join(', ')}`);
  return {
    // One limit left empty keeps its default, shown as the placeholder.
    discountLimits: cashier || supervisor ? { cashier: cashier || DEFAULT_DISCOUNT_LIMITS.cashier, supervisor: supervisor || DEFAULT_DISCOUNT_LIMITS.supervisor } : null,
    cashRounding: figure(fields.cashRounding) || null,
    limits: lineQuantity || documentAmount ? { lineQuantity: lineQuantity || DEFAULT_STORE_LIMITS.lineQuantity, documentAmount: documentAmount || DEFAULT_STORE_LIMITS.documentAmount } : null,
    address: text(fields.address),
    vatNumber: text(fields.vatNumber),
    receiptFooter: text(fields.receiptFooter),
    locale: text(fields.locale),
    timeZone: text(fields.timeZone),
    largestNote: figure(fields.largestNote) || null,
    blindClose: fields.blindClose ? true : null,
    quickKeys: quickKeys.keys.length > 0 ? quickKeys.keys : null,
    negativeStock: fields.negativeStock,
  };
}

/** "Not saved: quick keys: no product with SKU NOPE-42." from the problems by field. */
function summary(problems: readonly FieldProblem[], problem: string): string {
  if (problems.length === 0) return `Not saved: ${problem}.`;
  return `Not saved: ${problems.map((entry) => `${LABELS[entry.path] ?? entry.path}: ${entry.message}`).join('; ')}.`;
}

/** The store's settings for its tills, and the layout of its scales' labels. */
export function SettingsPage({ store }: StorePageProps) {
  // The products, for quick keys by SKU; the store as it is now (the page may have saved it).
  const report = useLoaded(() => office.get('/api/office/stock', { query: { store: store.id } }), store.id);
  if (report.problem) return <p className="problem" role="alert">{report.problem}</p>;
  if (!report.value) return <p className="loading">Loading…</p>;
  return <SettingsForms store={report.value.store} products={report.value.products} />;
}

function SettingsForms(props: { store: Store; products: StockRow[] }) {
  const { products } = props;
  const [store, setStore] = useState(props.store);
  const [fields, setFields] = useState(() => fieldsOf(props.store, products));
  const [saved, setSaved] = useState('');
  const save = useSubmit(async () => {
    setSaved('');
    const updated = await office.put('/api/office/stores/:store/settings', { params: { store: store.id }, body: changeOf(fields, store, products) });
    setStore(updated);
    setFields(fieldsOf(updated, products));
    setSaved('Saved; the tills receive the settings as they sync.');
  });
  const set =
    <Name extends keyof SettingsFields>(name: Name) =>
    (value: SettingsFields[Name]) =>
      setFields((current) => ({ ...current, [name]: value }));
  const error = (path: string) => problemFor(save.fieldProblems, path);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const textInput = (name: keyof Omit<SettingsFields, 'blindClose' | 'negativeStock'>, options: { size?: number; maxLength?: number; placeholder?: string; decimal?: boolean } = {}) =>
    function Control(control: FieldControlProps) {
      return (
        <input
          {...control}
          value={fields[name]}
          onChange={(event) => set(name)(event.target.value)}
          size={options.size}
          maxLength={options.maxLength}
          placeholder={options.placeholder}
          inputMode={options.decimal ? 'decimal' : undefined}
          autoComplete="off"
        />
      );
    };

  return (
    <>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Store settings</h2>
        <form className="settings-form" onSubmit={submit} noValidate>
          <fieldset>
            <legend>Discounts and cash</legend>
            <FormField label="Cashier discount limit (%)" error={error('discountLimits.cashier')}>
              {textInput('cashierLimit', { size: 6, placeholder: DEFAULT_DISCOUNT_LIMITS.cashier, decimal: true })}
            </FormField>
            <FormField label="Supervisor discount limit (%)" error={error('discountLimits.supervisor')}>
              {textInput('supervisorLimit', { size: 6, placeholder: DEFAULT_DISCOUNT_LIMITS.supervisor, decimal: true })}
            </FormField>
            <FormField label="Cash rounding step" error={error('cashRounding')}>
              {textInput('cashRounding', { size: 6, placeholder: 'none', decimal: true })}
            </FormField>
            <p className="field-hint wide">
              Above its limit a discount needs a manager’s PIN; managers have no limit. Leave both limits empty for the defaults ({DEFAULT_DISCOUNT_LIMITS.cashier} and {DEFAULT_DISCOUNT_LIMITS.supervisor}). A cash rounding step
              such as 0.05 rounds cash payments to the smallest coin; empty: no rounding.
            </p>
          </fieldset>
          <fieldset>
            <legend>Limits</legend>
            <FormField label="Most on one line" error={error('limits.lineQuantity')}>
              {textInput('lineQuantity', { size: 10, placeholder: DEFAULT_STORE_LIMITS.lineQuantity, decimal: true })}
            </FormField>
            <FormField label="Largest amount on one receipt" error={error('limits.documentAmount')}>
              {textInput('documentAmount', { size: 12, placeholder: DEFAULT_STORE_LIMITS.documentAmount, decimal: true })}
            </FormField>
            <p className="field-hint wide">
              A sale or return with more pieces (or kg, g, l or m) on one line, or any amount on it (a price, the total, a payment) above the largest, is refused at the till and by the server; so is cash in, out or
              counted above it. Empty: {DEFAULT_STORE_LIMITS.lineQuantity} and {DEFAULT_STORE_LIMITS.documentAmount}.
            </p>
          </fieldset>
          <fieldset>
            <legend>Receipts</legend>
            <FormField label="Address" error={error('address')}>
              {(control) => <textarea {...control} rows={3} cols={30} maxLength={300} placeholder={'Street\nTown\nPhone'} value={fields.address} onChange={(event) => set('address')(event.target.value)} />}
            </FormField>
            <FormField label="VAT number" error={error('vatNumber')}>
              {textInput('vatNumber', { size: 16, maxLength: 32 })}
            </FormField>
            <FormField label="Receipt footer" error={error('receiptFooter')}>
              {(control) => <textarea {...control} rows={3} cols={40} maxLength={500} placeholder="Opening hours, returns, thanks" value={fields.receiptFooter} onChange={(event) => set('receiptFooter')(event.target.value)} />}
            </FormField>
          </fieldset>
          <fieldset>
            <legend>At the counter</legend>
            <FormField label="Locale" error={error('locale')} hint="such as de-DE or en-GB">
              {textInput('locale', { size: 8, maxLength: 35, placeholder: 'de-DE' })}
            </FormField>
            <FormField label="Time zone" error={error('timeZone')} hint="such as Europe/Berlin">
              {textInput('timeZone', { size: 16, maxLength: 64, placeholder: 'Europe/Berlin' })}
            </FormField>
            <FormField label="Largest note taken" error={error('largestNote')} hint={`empty: ${DEFAULT_LARGEST_NOTE}`}>
              {textInput('largestNote', { size: 8, placeholder: DEFAULT_LARGEST_NOTE, decimal: true })}
            </FormField>
            <p className="field-hint wide">
              The locale and time zone say how the tills, their receipts and this app write dates, times and amounts. Empty: the fixed forms 2026-06-07 14:05:09 and 1,234.50, in each till’s own time
              zone. Cash handed over more than the largest note above what is due asks the cashier to confirm, and change above it is reported here as an exception.
            </p>
            <CheckField label="Blind close (the cashier counts the drawer without seeing the cash expected)" checked={fields.blindClose} onChange={set('blindClose')} error={error('blindClose')} />
            <FormField
              className="wide"
              label="Quick keys"
              error={error('quickKeys')}
              hint="Buttons on the tills’ first screen for what has no label to scan (bread, coffee, bags), in order: the products’ SKUs, separated by commas or new lines, each with =Label for a button text of its own (at most 24 characters). At most 48."
            >
              {(control) => <textarea {...control} rows={4} cols={40} placeholder="LOOSE-001=Bananas, KAS-00013=Bread" value={fields.quickKeys} onChange={(event) => set('quickKeys')(event.target.value)} />}
            </FormField>
            <FormField className="wide" label="Below zero" error={error('negativeStock')} hint="What a till does when a sale would take its own stock below zero (two offline tills may still sell the last unit twice: head office is told).">
              {(control) => (
                <select {...control} value={fields.negativeStock} onChange={(event) => set('negativeStock')(event.target.value as 'warn' | 'block')}>
                  <option value="warn">warn, and sell</option>
                  <option value="block">refuse the sale</option>
                </select>
              )}
            </FormField>
          </fieldset>
          <div className="form-buttons">
            <button type="submit" disabled={save.busy}>
              Save settings
            </button>
          </div>
          <p id="settings-result" role="status" className={save.problem ? 'problem' : undefined}>
            {save.problem ? summary(save.fieldProblems, save.problem) : saved}
          </p>
        </form>
      </section>
      <ScaleLabelsForm store={store} onSaved={setStore} />
    </>
  );
}

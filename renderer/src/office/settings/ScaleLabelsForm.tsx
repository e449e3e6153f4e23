import { useState, type FormEvent } from 'react';
import { DEFAULT_SCALE_LAYOUT, type ScaleBarcodeLayout, type Store } from '../../../../shared/src/index.js';
import { FormField, problemFor, useSubmit } from '../../ui-kit/index.js';
import { office } from '../api.js';
import { useSession } from '../session.js';

const PREFIXES = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29'] as const;
type PrefixUse = 'weight' | 'price' | '';

/** The layout the store's scales print labels in: what each prefix 20 to 29 carries, and the item's digits. */
export function ScaleLabelsForm(props: { store: Store; onSaved(store: Store): void }) {
  const { may } = useSession();
  const layout: ScaleBarcodeLayout = props.store.scaleBarcodes ?? DEFAULT_SCALE_LAYOUT;
  const [uses, setUses] = useState<Record<string, PrefixUse>>(() => Object.fromEntries(PREFIXES.map((prefix) => [prefix, layout.prefixes.find((entry) => entry.prefix === prefix)?.value ?? ''])));
  const [itemDigits, setItemDigits] = useState(String(layout.itemDigits));
  const [saved, setSaved] = useState('');
  const save = useSubmit(async () => {
    setSaved('');
    const prefixes = PREFIXES.filter((prefix) => uses[prefix] !== '').map((prefix) => ({ prefix, value: uses[prefix] as 'weight' | 'price' }));
    const updated = await office.put('/api/office/stores/:store/scale-barcodes', { params: { store: props.store.id }, body: { prefixes, itemDigits: Number(itemDigits) } });
    props.onSaved(updated);
    setSaved('Saved; the tills read labels this way as soon as they hear of it.');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const mayChange = may('PUT /api/office/stores/:store/scale-barcodes');
  return (
    <section aria-labelledby="scale-heading">
      <h2 id="scale-heading">Scale labels</h2>
      <p className="muted">
        Labels printed by the store’s scales are EAN-13 codes starting 20 to 29: each prefix carries a weight (in grams) or a price, after the item’s digits.
        {props.store.scaleBarcodes ? '' : ' The store uses the default layout.'}
      </p>
      <form className="settings-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>What each prefix carries</legend>
          <div className="prefix-grid">
            {PREFIXES.map((prefix) => (
              <FormField key={prefix} label={`Prefix ${prefix}`}>
                {(control) => (
                  <select {...control} value={uses[prefix]} disabled={!mayChange} onChange={(event) => setUses((current) => ({ ...current, [prefix]: event.target.value as PrefixUse }))}>
                    <option value="">not used</option>
                    <option value="weight">weight</option>
                    <option value="price">price</option>
                  </select>
                )}
              </FormField>
            ))}
          </div>
          {problemFor(save.fieldProblems, 'scaleBarcodes.prefixes') ? (
            <p className="field-error" data-field-error>
              {problemFor(save.fieldProblems, 'scaleBarcodes.prefixes')}
            </p>
          ) : null}
        </fieldset>
        <FormField label="Digits of the item code" hint="1 to 8; prefix and item take at most 10 of the 12 digits" error={problemFor(save.fieldProblems, 'scaleBarcodes.itemDigits')}>
          {(control) => <input {...control} value={itemDigits} disabled={!mayChange} onChange={(event) => setItemDigits(event.target.value)} inputMode="numeric" size={3} />}
        </FormField>
        {mayChange ? (
          <div className="form-buttons">
            <button type="submit" disabled={save.busy}>
              Save scale labels
            </button>
          </div>
        ) : null}
        <p role="status" className={save.problem ? 'problem' : undefined}>
          {save.problem ? `Not saved: ${save.problem}.` : saved}
        </p>
      </form>
    </section>
  );
}

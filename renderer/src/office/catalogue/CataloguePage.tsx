import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { effectivePrice, PRODUCT_UNITS, productFields, shelfLabel, shelfLabelsHtml, SyncError, type CatalogueImportReport, type Store, type Product, type ProductFields, type ProductUnit } from '../../../../shared/src/index.js';
import { DataTable, Dialog, FormField, problemFor, useSubmit, type Column } from '../../ui-kit/index.js';
import { office } from '../api.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';
import { listProducts, ProductFinder, searchQuery, type ListedProduct } from './product-finder.js';
import './catalogue.css';

/** The units as the form offers them: pieces are counted, the rest measured (a till asks how much). */
const UNIT_NAMES: Record<ProductUnit, string> = { piece: 'piece', kg: 'kg (weighed)', g: 'g (weighed)', l: 'l (litre)', m: 'm (metre)' };
const EMPTY: ProductFields = { sku: '', name: '', barcodes: [], unit: 'piece', taxClass: 'standard', price: '', cost: '' };

/**
 * The chain's catalogue: every product, found by name, SKU or barcode as one types; a manager adds,
 * changes, withdraws and restores products here, and every till hears of it within seconds.
 */
export function CataloguePage() {
  const { may } = useSession();
  const [reloads, setReloads] = useState(0);
  const loaded = useLoaded(() => office.get('/api/office/products'), String(reloads));
  const finder = useMemo(() => new ProductFinder(listProducts(loaded.value ?? [])), [loaded.value]);
  const listed = finder.listed;
  const [filter, setFilter] = useState('');
  // The input shows each key at once; the list follows when React has filtered and drawn it.
  const wanted = useDeferredValue(searchQuery(filter));
  const rows = useMemo(() => finder.find(wanted), [finder, wanted]);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const editable = may('PUT /api/office/products/:id');
  const reload = () => setReloads((count) => count + 1);

  // The same columns and table from one keystroke to the next while the rows are the same, so
  // React leaves the table alone when only the input or the dialog changed.
  const columns = useMemo(() => productColumns(editable ? setEditing : undefined), [editable]);
  // Past 50 rows found, only those in view and a dozen beyond are drawn, so a keystroke redraws a
  // box of rows, never 200 of them.
  const table = useMemo(
    () => <DataTable label="Products" columns={columns} rows={rows} rowId={productId} rowProps={productRowProps} height={460} drawAllUpTo={50} empty={<p className="muted">No product matches.</p>} />,
    [columns, rows],
  );

  return (
    <section aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading">Catalogue</h2>
      {loaded.problem ? (
        <p className="problem" role="alert">
          {loaded.problem}
        </p>
      ) : null}
      <div className="filter">
        <label>
          Find <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="name, SKU, barcode, category or brand" />
        </label>
        <span className="muted" role="status" id="catalogue-count" data-filter={wanted}>
          {loaded.value ? (wanted ? `${rows.length} of ${listed.length} products` : `${listed.length} products`) : 'Loading…'}
        </span>
        {may('POST /api/office/products') ? (
          <button type="button" onClick={() => setEditing('new')}>
            Add a product
          </button>
        ) : null}
        <a href="/api/office/catalogue.csv" download="catalogue.csv">
          Export CSV
        </a>
      </div>
      {may('POST /api/office/products/import') ? <CatalogueImport onImported={reload} /> : null}
      {table}
      {editing ? (
        <ProductDialog
          product={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(saved === undefined ? null : saved);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}

/** The catalogue's columns; each row has an Edit button for someone who may change products. */
function productColumns(edit: ((product: Product) => void) | undefined): Column<ListedProduct>[] {
  const columns: Column<ListedProduct>[] = [
    { id: 'sku', header: 'SKU', className: 'sku', cell: ({ product }) => product.sku },
    { id: 'name', header: 'Product', cell: ({ product }) => product.name },
    { id: 'barcodes', header: 'Barcodes', className: 'barcodes', cell: ({ product }) => product.barcodes.join(', ') },
    { id: 'category', header: 'Category', cell: ({ product }) => product.category?.replace(/\//g, ' › ') ?? '' },
    { id: 'brand', header: 'Brand', cell: ({ product }) => product.brand ?? '' },
    { id: 'unit', header: 'Unit', cell: ({ product }) => product.unit },
    { id: 'tax', header: 'Tax class', cell: ({ product }) => product.taxClass },
    { id: 'price', header: 'Price', numeric: true, className: 'price', cell: ({ product }) => product.price },
    { id: 'cost', header: 'Cost', numeric: true, cell: ({ product }) => product.cost },
    { id: 'status', header: 'Status', className: 'status', cell: ({ product }) => (product.active ? 'on sale' : 'withdrawn') },
  ];
  if (!edit) return columns;
  return [
    ...columns,
    {
      id: 'edit',
      header: <span className="visually-hidden">Edit</span>,
      cell: ({ product }) => (
        <button type="button" onClick={() => edit(product)} aria-label={`Edit ${product.name}`}>
          Edit
        </button>
      ),
    },
  ];
}

function productId({ product }: ListedProduct): string {
  return product.id;
}

function productRowProps({ product }: ListedProduct) {
  return { 'data-sku': product.sku, className: product.active ? undefined : 'withdrawn' };
}

/** The form of one product: new, or as loaded (its updatedAt goes along, so a change saved meanwhile by someone else is refused and shown). */
function ProductDialog(props: { product: Product | undefined; onClose(): void; onSaved(product: Product | undefined): void }) {
  const [loaded, setLoaded] = useState(props.product);
  const [fields, setFields] = useState<ProductFields>(loaded ? formFields(loaded) : EMPTY);
  const [barcodes, setBarcodes] = useState(fields.barcodes.join('\n'));
  const [packs, setPacks] = useState(packsText(fields));
  const [content, setContent] = useState<{ quantity: string; unit: 'kg' | 'l' }>(fields.content ?? { quantity: '', unit: 'kg' });
  const { stores } = useSession();
  const [labelStoreId, setLabelStoreId] = useState(stores[0]?.id ?? '');
  const labelStore = stores.find((store) => store.id === labelStoreId);
  /** A save refused because someone else saved first: who, and what they changed. */
  const [conflict, setConflict] = useState<{ message: string; changes: string[] } | null>(null);
  const save = useSubmit(async () => {
    setConflict(null);
    const body: ProductFields = {
      ...fields,
      barcodes: barcodes.split(/[\s,;]+/).filter(Boolean),
      packs: readPacks(packs),
      content: content.quantity.trim() ? { quantity: content.quantity.trim().replace(',', '.'), unit: content.unit } : undefined,
      price: fields.price.trim().replace(',', '.'),
      cost: fields.cost.trim().replace(',', '.'),
    };
    try {
      const saved = loaded ? await office.put('/api/office/products/:id', { params: { id: loaded.id }, body: { updatedAt: loaded.updatedAt, fields: body } }) : await office.post('/api/office/products', { body });
      props.onSaved(undefined);
      return saved;
    } catch (error) {
      if (error instanceof SyncError && error.reason === 'conflict' && loaded) {
        setConflict({ message: error.message, changes: (error.details ?? []).flatMap((detail) => detail.problems) });
        return undefined;
      }
      throw error;
    }
  });
  const setActive = useSubmit(async (active: boolean) => {
    if (!loaded) return;
    const changed = await office.post(active ? '/api/office/products/:id/restore' : '/api/office/products/:id/withdraw', { params: { id: loaded.id } });
    setLoaded(changed);
    props.onSaved(changed);
  });
  /** Their version, loaded again: the form shows it, and a save now goes on top of it. */
  const takeTheirs = async () => {
    if (!loaded) return;
    const current = await office.get('/api/office/products/:id', { params: { id: loaded.id } });
    setLoaded(current);
    setFields(formFields(current));
    setBarcodes(current.barcodes.join('\n'));
    setPacks(packsText(current));
    setContent(current.content ?? { quantity: '', unit: 'kg' });
    setConflict(null);
    save.clear();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const error = (path: string) => problemFor(save.fieldProblems, path);
  const set = (name: keyof ProductFields) => (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value });
  return (
    <Dialog title={loaded ? `Edit ${loaded.name}` : 'Add a product'} open onClose={props.onClose} className="product-dialog">
      <form onSubmit={submit} className="product-form" aria-label="Product">
        <FormField label="SKU" error={error('sku')}>
          {(control) => <input {...control} value={fields.sku} onChange={set('sku')} required autoComplete="off" />}
        </FormField>
        <FormField label="Name" error={error('name')}>
          {(control) => <input {...control} value={fields.name} onChange={set('name')} required autoComplete="off" />}
        </FormField>
        <FormField label="Barcodes" hint="One per line; EAN-13, EAN-8 and UPC-A check digits are verified." error={error('barcodes')}>
          {(control) => <textarea {...control} value={barcodes} onChange={(event) => setBarcodes(event.target.value)} rows={3} />}
        </FormField>
        <FormField label="Packs" hint="One per line: name, how many, barcode (case 12 10012345678902); scanning the pack's barcode sells that many." error={error('packs')}>
          {(control) => <textarea {...control} value={packs} onChange={(event) => setPacks(event.target.value)} rows={2} />}
        </FormField>
        <FormField label="Category" hint="a path in the tree: Dairy/Milk" error={error('category')}>
          {(control) => <input {...control} value={fields.category ?? ''} onChange={set('category')} autoComplete="off" />}
        </FormField>
        <FormField label="Brand" error={error('brand')}>
          {(control) => <input {...control} value={fields.brand ?? ''} onChange={set('brand')} autoComplete="off" />}
        </FormField>
        <FormField label="Content of a piece" hint="for the unit price on shelf labels: 0.5 kg, 0.33 l" error={error('content')}>
          {(control) => (
            <span className="content-field">
              <input {...control} value={content.quantity} onChange={(event) => setContent({ ...content, quantity: event.target.value })} inputMode="decimal" size={6} autoComplete="off" />
              <select aria-label="Content unit" value={content.unit} onChange={(event) => setContent({ ...content, unit: event.target.value as 'kg' | 'l' })}>
                <option value="kg">kg</option>
                <option value="l">l</option>
              </select>
            </span>
          )}
        </FormField>
        <FormField label="Unit" error={error('unit')}>
          {(control) => (
            <select {...control} value={fields.unit} onChange={(event) => setFields({ ...fields, unit: event.target.value as ProductUnit })}>
              {PRODUCT_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {UNIT_NAMES[unit]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Tax class" error={error('taxClass')}>
          {(control) => <input {...control} value={fields.taxClass} onChange={set('taxClass')} required autoComplete="off" />}
        </FormField>
        <FormField label="Price" hint={`per ${fields.unit}`} error={error('price')}>
          {(control) => <input {...control} value={fields.price} onChange={set('price')} required inputMode="decimal" autoComplete="off" />}
        </FormField>
        <FormField label="Cost" hint="what one unit costs to buy, before tax" error={error('cost')}>
          {(control) => <input {...control} value={fields.cost} onChange={set('cost')} required inputMode="decimal" autoComplete="off" />}
        </FormField>
        {conflict ? (
          <div role="alert" className="problem" id="product-conflict">
            <p>Not saved: {conflict.message}.</p>
            {conflict.changes.length > 0 ? <p>What they changed: {conflict.changes.join('; ')}.</p> : null}
            <button type="button" onClick={() => void takeTheirs()}>
              Load their version
            </button>
          </div>
        ) : null}
        {save.problem ? (
          <p role="alert" className="problem" id="product-problem">
            Not saved: {save.problem}
          </p>
        ) : null}
        {loaded ? (
          <PriceChanges
            product={loaded}
            onChanged={(changed) => {
              setLoaded(changed);
              setFields({ ...fields, price: chainPrice(changed) });
              props.onSaved(changed);
            }}
          />
        ) : null}
        {loaded ? <StockEverywhere product={loaded} /> : null}
        {setActive.problem ? (
          <p role="alert" className="problem">
            {setActive.problem}
          </p>
        ) : null}
        <div className="ui-dialog-footer">
          <button type="submit" disabled={save.busy}>
            {loaded ? 'Save' : 'Add'}
          </button>
          {loaded ? (
            <span className="shelf-label">
              <select aria-label="Shelf label for store" value={labelStore?.id ?? ''} onChange={(event) => setLabelStoreId(event.target.value)}>
                {stores.map((store) => (
                  <option key={store.id} value={store.id}>
                    {store.code}
                  </option>
                ))}
              </select>
              <button type="button" disabled={!labelStore} onClick={() => labelStore && printShelfLabel(loaded, labelStore)}>
                Print shelf label
              </button>
            </span>
          ) : null}
          {loaded ? (
            <button type="button" disabled={setActive.busy} onClick={() => void setActive.run(!loaded.active)}>
              {loaded.active ? 'Withdraw from sale' : 'Put back on sale'}
            </button>
          ) : null}
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The chain's price in force now, store prices aside (what the form's Price field changes). */
function chainPrice(product: Product): string {
  return effectivePrice(product, '', Date.now());
}

/** A product's fields as the form shows them: the price is the chain's in force now. */
function formFields(product: Product): ProductFields {
  return { ...productFields(product), price: chainPrice(product) };
}

/** A product's price history and scheduled changes, and a form to change a price from a time on, for the chain or one store. */
function PriceChanges(props: { product: Product; onChanged(product: Product): void }) {
  const { stores } = useSession();
  const [from, setFrom] = useState('');
  const [storeId, setStoreId] = useState('');
  const [price, setPrice] = useState('');
  const storeName = (id: string | null) => (id === null ? 'every store' : (stores.find((store) => store.id === id)?.name ?? id));
  const schedule = useSubmit(async () => {
    const changed = await office.post('/api/office/products/:id/prices', {
      params: { id: props.product.id },
      body: { from: from ? new Date(from).toISOString() : '', storeId: storeId || null, price: price.trim() === '' && storeId ? null : price.trim().replace(',', '.') },
    });
    setPrice('');
    props.onChanged(changed);
  });
  const now = Date.now();
  const changes = [...(props.product.priceChanges ?? [])].reverse();
  return (
    <fieldset className="price-changes">
      <legend>Prices over time</legend>
      {changes.length > 0 ? (
        <table aria-label="Price changes">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Where</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change, index) => (
              <tr key={`${change.from}:${change.at}:${index}`} data-price-change={change.from}>
                <td>{new Date(change.from).toLocaleString()}</td>
                <td>{storeName(change.storeId)}</td>
                <td className="num">{change.price ?? 'the chain’s price'}</td>
                <td>{Date.parse(change.from) > now ? 'scheduled' : 'in force or past'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No price changes yet: {props.product.price} everywhere.</p>
      )}
      <div className="inline-form">
        <FormField label="From" error={problemFor(schedule.fieldProblems, 'from')}>
          {(control) => <input {...control} type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />}
        </FormField>
        <FormField label="Where" error={problemFor(schedule.fieldProblems, 'storeId')}>
          {(control) => (
            <select {...control} value={storeId} onChange={(event) => setStoreId(event.target.value)}>
              <option value="">Every store</option>
              {stores.map((store) => (
                <option key={store.id} value={store.id}>
                  {store.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="New price" hint={storeId ? 'empty: back to the chain’s price' : undefined} error={problemFor(schedule.fieldProblems, 'price')}>
          {(control) => <input {...control} value={price} onChange={(event) => setPrice(event.target.value)} inputMode="decimal" size={8} autoComplete="off" />}
        </FormField>
        <button type="button" disabled={schedule.busy} onClick={() => void schedule.run()}>
          Change the price
        </button>
      </div>
      {schedule.problem ? (
        <p role="alert" className="problem">
          Not changed: {schedule.problem}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * A catalogue CSV: previewed first (a row per problem: the line, the SKU, what is wrong), then the
 * valid rows imported, or every row or nothing. Matched by SKU, so a file imported again changes nothing.
 */
function CatalogueImport(props: { onImported(): void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<CatalogueImportReport | null>(null);
  const send = useSubmit(async (apply: CatalogueImportReport['apply']) => {
    if (!file) return;
    const answer = await office.post('/api/office/products/import', { body: { csv: file.text, apply } });
    setReport(answer);
    if (answer.applied) props.onImported();
  });
  const choose = async (chosen: File | undefined) => {
    setReport(null);
    send.clear();
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  };
  return (
    <details className="catalogue-import">
      <summary>Import a CSV</summary>
      <p className="muted">
        Columns: sku, name, barcodes (separated by spaces), unit (piece or kg), taxClass, price, cost, active (yes or no). Rows are matched by SKU; the export is in the same format.
      </p>
      <div className="inline-form">
        <FormField label="CSV file">{(control) => <input {...control} type="file" accept=".csv,text/csv" onChange={(event) => void choose(event.target.files?.[0])} />}</FormField>
        <button type="button" disabled={!file || send.busy} onClick={() => void send.run('none')}>
          Preview
        </button>
      </div>
      {send.problem ? (
        <p role="alert" className="problem" id="import-problem">
          {send.problem}
        </p>
      ) : null}
      {report ? (
        <div id="import-report" role="status">
          <p>
            {report.applied ? 'Imported' : report.apply === 'none' ? 'Preview' : 'Nothing imported'} from {file?.name}: {report.rows} rows; {report.added} to add, {report.changed} to change, {report.unchanged} unchanged, {report.refused} refused.
          </p>
          {report.refusedRows.length > 0 ? (
            <DataTable
              label="Refused rows"
              columns={[
                { id: 'line', header: 'Line', numeric: true, cell: (row) => row.line },
                { id: 'sku', header: 'SKU', cell: (row) => row.sku },
                { id: 'problems', header: 'Problem', cell: (row) => row.problems.join('; ') },
              ]}
              rows={report.refusedRows}
              rowId={(row) => String(row.line)}
              rowProps={(row) => ({ 'data-line': String(row.line) })}
              height={240}
            />
          ) : null}
          {report.apply === 'none' && report.added + report.changed > 0 ? (
            <div className="inline-form">
              <button type="button" disabled={send.busy} onClick={() => void send.run('valid')}>
                Import the {report.added + report.changed} valid rows
              </button>
              <button type="button" disabled={send.busy || report.refused > 0} onClick={() => void send.run('all')}>
                Import every row, or nothing
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}

/** A product's packs as the Packs field shows them: "case 12 10012345678902", one per line. */
function packsText(product: Pick<ProductFields, 'packs'>): string {
  return (product.packs ?? []).map((pack) => `${pack.name} ${pack.quantity} ${pack.barcode}`).join('\n');
}

/** The Packs field's lines as packs: the last word is the barcode, the one before it how many, the rest the name. */
function readPacks(text: string): NonNullable<ProductFields['packs']> {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((words) => words.length > 0 && words[0] !== '')
    .map((words) => ({ name: words.slice(0, -2).join(' '), quantity: words.at(-2) ?? '', barcode: words.at(-1) ?? '' }));
}

/** The product's stock in each store the person may see. */
function StockEverywhere(props: { product: Product }) {
  const stock = useLoaded(() => office.get('/api/office/products/:id/stock', { params: { id: props.product.id } }), props.product.id);
  return (
    <fieldset className="stock-everywhere">
      <legend>Stock in every store</legend>
      {stock.problem ? <p className="problem">{stock.problem}</p> : null}
      <table aria-label="Stock in every store">
        <thead>
          <tr>
            <th scope="col">Store</th>
            <th scope="col" className="num">
              On hand
            </th>
            <th scope="col" className="num">
              On order
            </th>
          </tr>
        </thead>
        <tbody>
          {(stock.value ?? []).map((row) => (
            <tr key={row.storeId} data-store-stock={row.storeCode}>
              <td>
                {row.storeName} ({row.storeCode})
              </td>
              <td className={`num${row.quantity.startsWith('-') ? ' negative' : ''}`}>{row.quantity}</td>
              <td className="num">{row.onOrder}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

/** Opens the product's shelf label, at the store's price in force now, in a window of its own and prints it. */
function printShelfLabel(product: Product, store: Store): void {
  const shown = window.open('', '_blank', 'width=420,height=320');
  if (!shown) return;
  shown.document.write(shelfLabelsHtml([shelfLabel(product, store, Date.now())]));
  shown.document.close();
  shown.focus();
  shown.print();
}

import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { dec, formatCsv, type StockCountLine, type StockCountScope, type StockCountView, type StoredStockCount, type UncountedChoice } from '../../../../shared/src/index.js';
import { DataTable, FormField, fieldProblems, problemFor, useSubmit, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { ScanCodeField, ScanStatus, useScanner } from '../scanner.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';

/** A new id for each count and each entry, made here: one sent twice (a retry, a double click) counts once. */
function newId(prefix: 'count' | 'entry'): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

const unitWord = (unit: string) => (unit === 'piece' ? 'pcs' : unit);
const signed = (quantity: string) => (dec(quantity).isPositive() && !dec(quantity).isZero() ? `+${quantity}` : quantity);

function scopeWords(count: StoredStockCount): string {
  if (count.scope === 'store') return 'whole store';
  if (count.scope === 'category') return `category ${count.category}`;
  return `${count.productIds?.length ?? 0} chosen products`;
}

/**
 * Stock counts of the chosen store: open a count sheet (the whole store, a category, or products
 * scanned in; blind if the counters should not see what the books expect), count it by scanning or
 * typing, and post it, which moves stock by what was counted less what the books expected when each
 * product was counted.
 */
export function CountsPage({ store, version }: StorePageProps) {
  const { may } = useSession();
  const format = formatterOf(store);
  const counts = useLoaded(() => office.get('/api/office/counts', { query: { store: store.id } }), `${store.id}:${version}`);
  const [openId, setOpenId] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const columns: Column<StoredStockCount>[] = [
    { id: 'number', header: 'Count', className: 'nowrap', cell: (row) => row.number },
    { id: 'scope', header: 'Sheet', cell: (row) => `${scopeWords(row)}${row.blind ? ', blind' : ''}` },
    { id: 'state', header: 'State', className: 'count-state', cell: (row) => row.state },
    { id: 'reference', header: 'Reference', cell: (row) => row.reference },
    { id: 'opened', header: 'Opened', cell: (row) => `${format.dateTime(row.openedAt)} by ${row.openedBy}` },
    { id: 'posted', header: 'Posted', cell: (row) => (row.postedAt ? `${format.dateTime(row.postedAt)} by ${row.postedBy}` : '') },
    {
      id: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (row) => (
        <button type="button" onClick={() => setOpenId(row.id)} aria-label={`${row.state === 'open' ? 'Count' : 'Open'} ${row.number}`}>
          {row.state === 'open' ? 'Count' : 'Open'}
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby="counts-heading" className="counts">
      <h2 id="counts-heading">Stock counts</h2>
      {counts.problem ? (
        <p className="problem" role="alert">
          {counts.problem}
        </p>
      ) : null}
      <p role="status" className="muted">
        {message}
      </p>
      {may('POST /api/office/counts') ? (
        <OpenCount
          key={store.id}
          storeId={store.id}
          onOpened={async (count) => {
            setMessage(`Opened ${count.number}: ${count.lines.length} products on the sheet.`);
            await counts.reload();
            setOpenId(count.id);
          }}
        />
      ) : null}
      <DataTable
        label="Stock counts"
        columns={columns}
        rows={counts.value}
        rowId={(count) => count.id}
        rowProps={(count) => ({ 'data-count': count.number })}
        empty={<p className="muted">No stock counts in this store yet.</p>}
      />
      {openId ? (
        <CountSheet
          key={openId}
          countId={openId}
          onChanged={async (text) => {
            setMessage(text);
            await counts.reload();
          }}
        />
      ) : null}
    </section>
  );
}

/** The form to open a count sheet: what it covers, blind or not, and a reference. */
function OpenCount(props: { storeId: string; onOpened(count: StockCountView): Promise<void> }) {
  const [countId, setCountId] = useState(() => newId('count'));
  const [scope, setScope] = useState<StockCountScope>('store');
  const [category, setCategory] = useState('');
  const [chosen, setChosen] = useState<{ id: string; sku: string; name: string }[]>([]);
  const [blind, setBlind] = useState(true);
  const [reference, setReference] = useState('');
  const scanner = useScanner(({ product }) => {
    setChosen((current) => (current.some((item) => item.id === product.id) ? current : [...current, { id: product.id, sku: product.sku, name: product.name }]));
    return `${product.sku} ${product.name} is on the sheet.`;
  });
  const categories = useLoaded(async () => [...new Set((await office.get('/api/office/products')).flatMap((product) => (product.category ? [product.category] : [])))].sort(), 'categories');

  const openCount = useSubmit(async () => {
    const count = await office.post('/api/office/counts', {
      body: {
        id: countId,
        storeId: props.storeId,
        scope,
        ...(scope === 'category' ? { category } : {}),
        ...(scope === 'products' ? { productIds: chosen.map((item) => item.id) } : {}),
        blind,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      },
    });
    setCountId(newId('count'));
    setChosen([]);
    setReference('');
    scanner.clear();
    await props.onOpened(count);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void openCount.run();
  };
  return (
    <form onSubmit={submit} aria-labelledby="open-count-heading" className="open-count">
      <h3 id="open-count-heading">Open a count</h3>
      <div className="inline-form">
        <FormField label="Count" error={problemFor(openCount.fieldProblems, 'scope')}>
          {(control) => (
            <select {...control} value={scope} onChange={(event) => setScope(event.target.value as StockCountScope)}>
              <option value="store">the whole store</option>
              <option value="category">a category</option>
              <option value="products">chosen products</option>
            </select>
          )}
        </FormField>
        {scope === 'category' ? (
          <FormField label="Category" error={problemFor(openCount.fieldProblems, 'category')} hint="with its subcategories">
            {(control) => (
              <>
                <input {...control} value={category} onChange={(event) => setCategory(event.target.value)} list="count-categories" autoComplete="off" size={16} />
                <datalist id="count-categories">
                  {(categories.value ?? []).map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              </>
            )}
          </FormField>
        ) : null}
        {scope === 'products' ? <ScanCodeField scanner={scanner} /> : null}
        <FormField label="Reference" error={problemFor(openCount.fieldProblems, 'reference')}>
          {(control) => <input {...control} value={reference} onChange={(event) => setReference(event.target.value)} autoComplete="off" size={14} />}
        </FormField>
        <label className="check-field">
          <input type="checkbox" checked={blind} onChange={(event) => setBlind(event.target.checked)} /> Blind (books hidden while counting)
        </label>
        <button type="submit" disabled={openCount.busy}>
          Open count
        </button>
      </div>
      {scope === 'products' ? (
        <>
          <ScanStatus scanner={scanner} />
          {chosen.length > 0 ? (
            <ul className="chosen-products" aria-label="Products on the sheet">
              {chosen.map((item) => (
                <li key={item.id}>
                  {item.sku} {item.name}{' '}
                  <button type="button" onClick={() => setChosen((current) => current.filter((other) => other.id !== item.id))} aria-label={`Take ${item.sku} off the sheet`}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {openCount.problem ? (
        <p role="alert" className="problem">
          Not opened: {openCount.problem}
        </p>
      ) : null}
    </form>
  );
}

type Showing = 'all' | 'uncounted' | 'differences';

/**
 * One count's sheet. Each scan, and each quantity typed on a line, is sent at once as an entry of
 * its own (in the order made, one at a time), so several people can count one sheet and a retry
 * never counts twice. Posting asks what to do with products nobody counted.
 */
function CountSheet(props: { countId: string; onChanged(message: string): Promise<void> }) {
  const { may } = useSession();
  const sheet = useLoaded(() => office.get('/api/office/counts/:id', { params: { id: props.countId } }), props.countId);
  const [lines, setLines] = useState<Record<string, StockCountLine>>({});
  const [showing, setShowing] = useState<Showing>('all');
  const [problem, setProblem] = useState('');
  const [uncounted, setUncounted] = useState<UncountedChoice>('leave');
  const [confirming, setConfirming] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const count = sheet.value;
  const isOpen = count?.state === 'open';

  /** Sends one entry after those before it; the line comes back as the server now has it. */
  const enter = (productId: string, quantity: string, label: string): Promise<string> => {
    const entryId = newId('entry');
    const sent = queue.current.then(async () => {
      try {
        const line = await office.post('/api/office/counts/:id/entries', { params: { id: props.countId }, body: { entryId, productId, quantity } });
        setLines((current) => ({ ...current, [line.productId]: line }));
        setProblem('');
        return `${label}: ${signed(quantity)}, ${line.counted} counted.`;
      } catch (error) {
        const why = fieldProblems(error).message;
        setProblem(`Not counted (${label} ${signed(quantity)}): ${why}`);
        return `Not counted: ${label}.`;
      }
    });
    queue.current = sent;
    return sent;
  };
  const [said, setSaid] = useState('');
  // The scanner says only what it could not look up; what each entry did is said below it.
  const scanner = useScanner(({ product, quantity }) => {
    setSaid(`${product.sku} ${product.name}: sending +${quantity}…`);
    void enter(product.id, quantity, `${product.sku} ${product.name}`).then(setSaid);
    return '';
  });

  const shown = useMemo(() => {
    const all = (count?.lines ?? []).map((line) => lines[line.productId] ?? line);
    if (showing === 'uncounted') return all.filter((line) => line.counted === null);
    if (showing === 'differences') return all.filter((line) => line.difference !== null && !dec(line.difference).isZero());
    return all;
  }, [count, lines, showing]);
  const countedLines = (count?.lines ?? []).filter((line) => (lines[line.productId] ?? line).counted !== null).length;

  const post = useSubmit(async () => {
    await queue.current;
    const posted = await office.post('/api/office/counts/:id/post', { params: { id: props.countId }, body: { uncounted } });
    const differing = posted.lines.filter((line) => line.difference !== null && !dec(line.difference).isZero()).length;
    setLines({});
    setConfirming(false);
    await sheet.reload();
    await props.onChanged(`Posted ${posted.number}: ${differing === 1 ? '1 line differs' : `${differing} lines differ`} from the books; stock is moved by ${differing === 1 ? 'it' : 'them'}.`);
  });
  const cancel = useSubmit(async () => {
    await queue.current;
    const cancelled = await office.post('/api/office/counts/:id/cancel', { params: { id: props.countId } });
    await sheet.reload();
    await props.onChanged(`Cancelled ${cancelled.number}: nothing it counted moves stock.`);
  });

  const columns: Column<StockCountLine>[] = [
    { id: 'sku', header: 'SKU', className: 'nowrap', cell: (line) => line.sku },
    { id: 'name', header: 'Product', cell: (line) => line.name },
    {
      id: 'counted',
      header: 'Counted',
      numeric: true,
      className: 'counted',
      cell: (line) => (line.counted === null ? '' : `${line.counted} ${unitWord(line.unit)}`),
    },
    ...(count?.blind && isOpen
      ? []
      : [
          { id: 'expected', header: 'Expected', numeric: true, className: 'expected', cell: (line: StockCountLine) => line.expected ?? '' },
          // Sales made before the line was counted that reached the server after: in Expected already.
          { id: 'late', header: 'Of it, late sales', numeric: true, className: 'late', cell: (line: StockCountLine) => (dec(line.late).isZero() ? '' : signed(line.late)) },
          {
            id: 'difference',
            header: 'Difference',
            numeric: true,
            className: 'difference',
            cell: (line: StockCountLine) => (line.difference === null || dec(line.difference).isZero() ? '' : <span className="problem">{signed(line.difference)}</span>),
          },
        ]),
    ...(isOpen && may('POST /api/office/counts/:id/entries')
      ? [{ id: 'add', header: 'Add', cell: (line: StockCountLine) => <AddQuantity line={line} onAdd={(quantity) => enter(line.productId, quantity, `${line.sku} ${line.name}`).then(setSaid)} /> }]
      : []),
  ];

  /** The sheet as a CSV file, made when asked (a whole store's sheet is large): for the count's records. */
  const download = () => {
    if (!count) return;
    const header = ['SKU', 'Product', 'Unit', 'Counted', 'Counted at', 'Expected', 'Of it, late sales', 'Difference'];
    const rows = count.lines.map((original) => {
      const line = lines[original.productId] ?? original;
      return [line.sku, line.name, line.unit, line.counted ?? '', line.countedAt ?? '', line.expected ?? '', line.expected === null ? '' : line.late, line.difference ?? ''];
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([formatCsv([header, ...rows])], { type: 'text/csv' }));
    link.download = `${count.number}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  if (!count) return sheet.problem ? <p className="problem" role="alert">{sheet.problem}</p> : <p className="muted">Loading the count…</p>;
  return (
    <section aria-labelledby="count-heading" className="count-sheet">
      <h3 id="count-heading">
        {count.number}: {scopeWords(count)}
        {count.blind ? ', blind' : ''} ({count.state})
      </h3>
      <p className="muted">
        {countedLines} of {count.lines.length} products counted
        {count.reference ? `; ${count.reference}` : ''}
        {count.blind && isOpen ? '; what the books expect shows once the count is posted' : ''}
      </p>
      {isOpen && may('POST /api/office/counts/:id/entries') ? (
        <div className="inline-form">
          <ScanCodeField scanner={scanner} autoFocus />
        </div>
      ) : null}
      {isOpen ? <ScanStatus scanner={scanner} /> : null}
      <p role="status" className="muted count-said">
        {said}
      </p>
      {problem ? (
        <p role="alert" className="problem">
          {problem}
        </p>
      ) : null}
      <div className="inline-form" role="group" aria-label="Show">
        <FormField label="Show">
          {(control) => (
            <select {...control} value={showing} onChange={(event) => setShowing(event.target.value as Showing)}>
              <option value="all">every product on the sheet</option>
              <option value="uncounted">not counted yet</option>
              {count.blind && isOpen ? null : <option value="differences">with a difference</option>}
            </select>
          )}
        </FormField>
      </div>
      <p className="form-actions">
        <button type="button" onClick={download}>
          Download CSV
        </button>
      </p>
      <DataTable
        label={`Lines of ${count.number}`}
        columns={columns}
        rows={shown}
        rowId={(line) => line.productId}
        rowProps={(line) => ({ 'data-count-line': line.sku })}
        height={420}
        empty={<p className="muted">No products to show.</p>}
      />
      {isOpen && may('POST /api/office/counts/:id/post') ? (
        <div className="count-actions">
          <fieldset className="inline-form">
            <legend>Products nobody counted</legend>
            <label className="check-field">
              <input type="radio" name="uncounted" checked={uncounted === 'leave'} onChange={() => setUncounted('leave')} /> leave as they are
            </label>
            <label className="check-field">
              <input type="radio" name="uncounted" checked={uncounted === 'zero'} onChange={() => setUncounted('zero')} /> count as none (0)
            </label>
          </fieldset>
          {confirming ? (
            <p className="form-actions">
              Post {count.number}? Stock moves by every difference{uncounted === 'zero' ? `, and the ${count.lines.length - countedLines} products not counted go to 0` : ''}.{' '}
              <button type="button" onClick={() => void post.run()} disabled={post.busy}>
                Yes, post the count
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Back
              </button>
            </p>
          ) : (
            <p className="form-actions">
              <button type="button" onClick={() => setConfirming(true)}>
                Post count
              </button>{' '}
              <button type="button" onClick={() => void cancel.run()} disabled={cancel.busy}>
                Cancel count
              </button>
            </p>
          )}
          {post.problem || cancel.problem ? (
            <p role="alert" className="problem">
              {post.problem ? `Not posted: ${post.problem}` : `Not cancelled: ${cancel.problem}`}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** A line's field for a typed quantity: Enter adds it to what is counted (a negative number takes a miscount off). */
function AddQuantity(props: { line: StockCountLine; onAdd(quantity: string): Promise<void> }) {
  const [typed, setTyped] = useState('');
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const quantity = typed.trim().replace(',', '.');
    if (!quantity) return;
    setTyped('');
    void props.onAdd(quantity);
  };
  return (
    <input
      aria-label={`Add to counted of ${props.line.sku}`}
      value={typed}
      onChange={(event) => setTyped(event.target.value)}
      onKeyDown={onKeyDown}
      inputMode="decimal"
      size={6}
      autoComplete="off"
      placeholder={unitWord(props.line.unit)}
    />
  );
}

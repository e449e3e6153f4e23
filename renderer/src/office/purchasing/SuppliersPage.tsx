import { useState, type FormEvent } from 'react';
import { WEEKDAYS, type Product, type Supplier, type SupplierFields, type SupplierProductView, type Weekday } from '../../../../shared/src/index.js';
import { CheckField, DataTable, Dialog, FormField, problemFor, useSubmit, type Column } from '../../ui-kit/index.js';
import { office } from '../api.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';

const EMPTY: SupplierFields = { name: '', contact: {}, currency: 'EUR', leadTimeDays: 2, orderDays: [], minimumOrder: undefined };
const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/**
 * The chain's suppliers: who they are, how to reach them, what they bill in, how long they take and
 * on which days they take orders; and what each supplies, in its packs at its cost. A manager adds
 * and changes them; everyone at head office may read them.
 */
export function SuppliersPage() {
  const { may } = useSession();
  const suppliers = useLoaded(() => office.get('/api/office/suppliers'), 'suppliers');
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const [showing, setShowing] = useState<Supplier | null>(null);
  const mayChange = may('POST /api/office/suppliers');

  const columns: Column<Supplier>[] = [
    { id: 'name', header: 'Supplier', cell: (row) => row.name },
    { id: 'contact', header: 'Contact', cell: (row) => [row.contact.person, row.contact.email, row.contact.phone].filter(Boolean).join(' · ') },
    { id: 'currency', header: 'Currency', cell: (row) => row.currency },
    { id: 'lead', header: 'Lead time', numeric: true, cell: (row) => `${row.leadTimeDays} d` },
    { id: 'days', header: 'Order days', cell: (row) => (row.orderDays.length > 0 ? row.orderDays.map((day) => DAY_NAMES[day]).join(', ') : 'any day') },
    { id: 'minimum', header: 'Minimum order', numeric: true, cell: (row) => (row.minimumOrder ? `${row.minimumOrder} ${row.currency}` : '') },
    { id: 'status', header: 'Status', cell: (row) => (row.active ? 'active' : <span className="muted">inactive</span>) },
    {
      id: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (row) => (
        <span className="actions">
          <button type="button" onClick={() => setShowing(row)} aria-label={`Products of ${row.name}`}>
            Products
          </button>
          {mayChange ? (
            <button type="button" onClick={() => setEditing(row)} aria-label={`Edit ${row.name}`}>
              Edit
            </button>
          ) : null}
        </span>
      ),
    },
  ];

  return (
    <section aria-labelledby="suppliers-heading">
      <h2 id="suppliers-heading">Suppliers</h2>
      {suppliers.problem ? (
        <p className="problem" role="alert">
          {suppliers.problem}
        </p>
      ) : null}
      {mayChange ? (
        <p>
          <button type="button" onClick={() => setEditing('new')}>
            Add a supplier
          </button>
        </p>
      ) : null}
      <DataTable label="Suppliers" columns={columns} rows={suppliers.value} rowId={(supplier) => supplier.id} rowProps={(supplier) => ({ 'data-supplier': supplier.name })} empty={<p className="muted">No suppliers yet.</p>} />
      {editing ? (
        <SupplierForm
          supplier={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await suppliers.reload();
          }}
        />
      ) : null}
      {showing ? <SupplierProducts key={showing.id} supplier={showing} mayChange={mayChange} /> : null}
    </section>
  );
}

function SupplierForm(props: { supplier: Supplier | null; onClose(): void; onSaved(): Promise<void> }) {
  const start = props.supplier ?? EMPTY;
  const [fields, setFields] = useState<SupplierFields>({ name: start.name, contact: { ...start.contact }, currency: start.currency, leadTimeDays: start.leadTimeDays, orderDays: [...start.orderDays], minimumOrder: start.minimumOrder });
  const [leadTime, setLeadTime] = useState(String(start.leadTimeDays));
  const [active, setActive] = useState(props.supplier?.active ?? true);
  const save = useSubmit(async () => {
    const body = { ...fields, leadTimeDays: /^\d+$/.test(leadTime.trim()) ? Number(leadTime) : -1, minimumOrder: fields.minimumOrder?.trim() || undefined };
    if (props.supplier) await office.put('/api/office/suppliers/:id', { params: { id: props.supplier.id }, body: { updatedAt: props.supplier.updatedAt, fields: { ...body, active } } });
    else await office.post('/api/office/suppliers', { body });
    await props.onSaved();
  });
  const error = (field: string) => problemFor(save.fieldProblems, field);
  const contact = (key: keyof Supplier['contact']) => (event: { target: { value: string } }) => setFields({ ...fields, contact: { ...fields.contact, [key]: event.target.value } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const title = props.supplier ? `Edit ${props.supplier.name}` : 'Add a supplier';
  return (
    <Dialog
      title={title}
      open
      onClose={props.onClose}
      footer={
        <>
          <button type="submit" form="supplier-form" disabled={save.busy}>
            Save
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form id="supplier-form" className="stacked-form" onSubmit={submit}>
        <FormField label="Name" error={error('name')}>
          {(control) => <input {...control} value={fields.name} onChange={(event) => setFields({ ...fields, name: event.target.value })} required autoComplete="off" />}
        </FormField>
        <FormField label="Contact person" error={error('contact.person')}>
          {(control) => <input {...control} value={fields.contact.person ?? ''} onChange={contact('person')} autoComplete="off" />}
        </FormField>
        <FormField label="E-mail for orders" error={error('contact.email')}>
          {(control) => <input {...control} type="email" value={fields.contact.email ?? ''} onChange={contact('email')} autoComplete="off" />}
        </FormField>
        <FormField label="Phone" error={error('contact.phone')}>
          {(control) => <input {...control} value={fields.contact.phone ?? ''} onChange={contact('phone')} autoComplete="off" />}
        </FormField>
        <FormField label="Currency" hint="what it bills in: EUR" error={error('currency')}>
          {(control) => <input {...control} value={fields.currency} onChange={(event) => setFields({ ...fields, currency: event.target.value })} required size={4} autoComplete="off" />}
        </FormField>
        <FormField label="Lead time in days" hint="from sending an order to its delivery" error={error('leadTimeDays')}>
          {(control) => <input {...control} value={leadTime} onChange={(event) => setLeadTime(event.target.value)} inputMode="numeric" required size={4} autoComplete="off" />}
        </FormField>
        <fieldset className="weekdays">
          <legend>Order days (none: any day)</legend>
          {WEEKDAYS.map((day) => (
            <CheckField
              key={day}
              label={DAY_NAMES[day]}
              checked={fields.orderDays.includes(day)}
              onChange={(checked) => setFields({ ...fields, orderDays: checked ? [...fields.orderDays, day] : fields.orderDays.filter((other) => other !== day) })}
            />
          ))}
        </fieldset>
        <FormField label="Minimum order" hint="in its currency; empty: none" error={error('minimumOrder')}>
          {(control) => <input {...control} value={fields.minimumOrder ?? ''} onChange={(event) => setFields({ ...fields, minimumOrder: event.target.value })} inputMode="decimal" size={8} autoComplete="off" />}
        </FormField>
        {props.supplier ? <CheckField label="Active (takes new orders)" checked={active} onChange={setActive} /> : null}
        {save.problem && save.fieldProblems.length === 0 ? (
          <p role="alert" className="problem">
            Not saved: {save.problem}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}

/** What one supplier supplies, and (for a manager) a form to add or change a product of it. */
function SupplierProducts(props: { supplier: Supplier; mayChange: boolean }) {
  const { supplier } = props;
  const supplied = useLoaded(() => office.get('/api/office/suppliers/:id/products', { params: { id: supplier.id } }), supplier.id);
  const catalogue = useLoaded(() => office.get('/api/office/products'), 'products');
  const [sku, setSku] = useState('');
  const [supplierSku, setSupplierSku] = useState('');
  const [packSize, setPackSize] = useState('');
  const [packCost, setPackCost] = useState('');
  const [preferred, setPreferred] = useState(true);
  const [result, setResult] = useState('');
  const productOf = (typed: string): Product | undefined => catalogue.value?.find((product) => product.sku.toLowerCase() === typed.trim().toLowerCase());
  const save = useSubmit(async () => {
    setResult('');
    const product = productOf(sku);
    if (!product) throw new Error(`no product has the SKU "${sku.trim()}"`);
    await office.put('/api/office/suppliers/:id/products/:productId', {
      params: { id: supplier.id, productId: product.id },
      body: { supplierSku: supplierSku.trim(), packSize: packSize.trim().replace(',', '.'), packCost: packCost.trim().replace(',', '.'), preferred },
    });
    setResult(`${product.name}: saved for ${supplier.name}.`);
    setSku('');
    setSupplierSku('');
    setPackSize('');
    setPackCost('');
    await supplied.reload();
  });
  const remove = useSubmit(async (row: SupplierProductView) => {
    await office.post('/api/office/suppliers/:id/products/:productId/remove', { params: { id: supplier.id, productId: row.productId } });
    setResult(`${row.name} is no longer supplied by ${supplier.name}.`);
    await supplied.reload();
  });
  const columns: Column<SupplierProductView>[] = [
    { id: 'sku', header: 'SKU', className: 'nowrap', cell: (row) => row.sku },
    { id: 'name', header: 'Product', cell: (row) => row.name },
    { id: 'supplierSku', header: 'Supplier’s SKU', className: 'nowrap', cell: (row) => row.supplierSku },
    { id: 'pack', header: 'Pack', numeric: true, cell: (row) => `${row.packSize} ${row.unit === 'piece' ? 'pcs' : row.unit}` },
    { id: 'cost', header: 'Cost per pack', numeric: true, cell: (row) => `${row.packCost} ${row.currency}` },
    { id: 'preferred', header: 'Preferred', cell: (row) => (row.preferred ? 'yes' : '') },
    {
      id: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (row) =>
        props.mayChange ? (
          <button type="button" onClick={() => void remove.run(row)} aria-label={`Remove ${row.name} from ${supplier.name}`}>
            Remove
          </button>
        ) : null,
    },
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <section aria-labelledby="supplied-heading">
      <h3 id="supplied-heading">What {supplier.name} supplies</h3>
      <DataTable label={`Products of ${supplier.name}`} columns={columns} rows={supplied.value} rowId={(row) => row.id} rowProps={(row) => ({ 'data-supplied': row.sku })} empty={<p className="muted">Nothing yet.</p>} />
      {/* A problem of one field shows beside it; the others here. */}
      <p role="status" className={save.problem || remove.problem ? 'problem' : undefined}>
        {save.problem ? (save.fieldProblems.length > 0 ? 'Not saved: see the fields below.' : `Not saved: ${save.problem}`) : remove.problem ? `Not removed: ${remove.problem}` : result}
      </p>
      {props.mayChange ? (
        <form className="inline-form" onSubmit={submit} aria-labelledby="supply-heading">
          <h4 id="supply-heading">Add or change a product of {supplier.name}</h4>
          <FormField label="Product SKU" error={problemFor(save.fieldProblems, 'productId')}>
            {(control) => <input {...control} value={sku} onChange={(event) => setSku(event.target.value)} required size={12} autoComplete="off" list="supplier-skus" />}
          </FormField>
          <datalist id="supplier-skus">
            {(catalogue.value ?? []).slice(0, 2000).map((product) => (
              <option key={product.id} value={product.sku}>
                {product.name}
              </option>
            ))}
          </datalist>
          <FormField label="Supplier’s SKU" error={problemFor(save.fieldProblems, 'supplierSku')}>
            {(control) => <input {...control} value={supplierSku} onChange={(event) => setSupplierSku(event.target.value)} size={10} autoComplete="off" />}
          </FormField>
          <FormField label="Pack size" hint="pieces or kg in one pack" error={problemFor(save.fieldProblems, 'packSize')}>
            {(control) => <input {...control} value={packSize} onChange={(event) => setPackSize(event.target.value)} required inputMode="decimal" size={6} autoComplete="off" />}
          </FormField>
          <FormField label="Cost per pack" hint={`in ${supplier.currency}, before tax`} error={problemFor(save.fieldProblems, 'packCost')}>
            {(control) => <input {...control} value={packCost} onChange={(event) => setPackCost(event.target.value)} required inputMode="decimal" size={8} autoComplete="off" />}
          </FormField>
          <CheckField label="Preferred supplier" checked={preferred} onChange={setPreferred} />
          <button type="submit" disabled={save.busy}>
            Save product
          </button>
        </form>
      ) : null}
    </section>
  );
}

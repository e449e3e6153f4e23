import { randomUUID } from 'node:crypto';
import {
  checkOrderLines,
  dec,
  fieldsOf,
  isOpenOrder,
  outstanding,
  SyncError,
  unknownFields,
  type PurchaseOrder,
  type PurchaseOrderState,
  type Store,
  type Supplier,
  type SupplierProductView,
} from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import type { Repository, Writer } from '../repository.js';
import { nextUpdatedAt } from '../updated-at.js';
import { Suppliers } from './suppliers.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Purchase orders per store and supplier: drafted in the supplier's packs at its cost, changed
 * freely while a draft, then sent (the expected delivery is the lead time later) or cancelled.
 * What sent orders still await is on order for their store. Each change is one write transaction,
 * audited; a save over an order someone changed since it was loaded is refused.
 */
export class PurchaseOrders {
  private readonly suppliers: Suppliers;

  constructor(private readonly repository: Repository) {
    this.suppliers = new Suppliers(repository);
  }

  /** A store's orders, the newest first. */
  async list(storeId: string): Promise<PurchaseOrder[]> {
    const orders = (await this.repository.storage.documents.list<PurchaseOrder>('purchaseOrders', storeId)).filter((order) => order.storeId === storeId);
    return orders.sort((a, b) => b.number.localeCompare(a.number));
  }

  async get(id: string): Promise<PurchaseOrder> {
    const stored = await this.repository.storage.documents.get<PurchaseOrder>('purchaseOrders', id);
    if (!stored || stored.deleted) throw new SyncError('not_found', `no purchase order "${id}"`, 404);
    return stored.body;
  }

  /** What the store's sent orders still await, per product, in the product's unit. */
  async onOrder(storeId: string): Promise<Map<string, string>> {
    const totals = new Map<string, ReturnType<typeof dec>>();
    for (const order of await this.list(storeId)) {
      if (!isOpenOrder(order)) continue;
      for (const line of order.lines) totals.set(line.productId, (totals.get(line.productId) ?? dec('0')).plus(dec(outstanding(line))));
    }
    return new Map([...totals].map(([productId, quantity]) => [productId, quantity.toFixed()]));
  }

  /** A draft for a store from one supplier: `{storeId, supplierId, lines: [{productId, packs, packCost?}], note?}`. */
  async create(input: unknown, actor: AuditActor | undefined): Promise<PurchaseOrder> {
    return (await this.createMany([input], actor))[0];
  }

  /**
   * Drafts like `create`'s, several at once (one per supplier, say), in one write transaction: all
   * of them are made or, when one is refused, none.
   */
  async createMany(inputs: readonly unknown[], actor: AuditActor | undefined): Promise<PurchaseOrder[]> {
    const bodies = inputs.map(fieldsOf);
    const supplied = await Promise.all(bodies.map((body) => this.supplied(typeof body.supplierId === 'string' ? body.supplierId : '')));
    return this.repository.write(async (writer) => {
      const made: PurchaseOrder[] = [];
      for (const [index, body] of bodies.entries()) made.push(await this.draft(writer, body, supplied[index], actor));
      return made;
    }, inputs.length);
  }

  /** Writes one draft in `writer`'s transaction, from what its supplier supplies (read before it began). */
  private async draft(writer: Writer, body: Record<string, unknown>, supplied: Map<string, SupplierProductView>, actor: AuditActor | undefined): Promise<PurchaseOrder> {
    const problems = unknownFields(body, ['storeId', 'supplierId', 'lines', 'note']);
    const storeId = typeof body.storeId === 'string' ? body.storeId : '';
    const supplierId = typeof body.supplierId === 'string' ? body.supplierId : '';
    const store = await writer.get<Store>('stores', storeId);
    if (!store) problems.push(`storeId: no store "${storeId}"`);
    const supplier = await writer.get<Supplier>('suppliers', supplierId);
    if (!supplier) problems.push(`supplierId: no supplier "${supplierId}"`);
    else if (!supplier.active) problems.push(`supplierId: ${supplier.name} is inactive and takes no new orders`);
    else if (store && supplier.currency !== store.currency) {
      problems.push(`supplierId: ${supplier.name} bills in ${supplier.currency} and store ${store.code} keeps its costs in ${store.currency}; orders in another currency are not supported yet`);
    }
    const { lines, problems: lineProblems } = checkOrderLines(body.lines, supplier?.name ?? 'the supplier', supplied);
    problems.push(...lineProblems, ...noteProblems(body.note));
    if (problems.length > 0 || !store || !supplier) throw new SyncError('invalid_document', 'the purchase order was not made', 422, [{ problems }]);
    const at = this.repository.now().toISOString();
    const order: PurchaseOrder = {
      id: `po-${randomUUID()}`,
      number: await this.nextNumber(writer),
      storeId,
      supplierId,
      supplierName: supplier.name,
      currency: supplier.currency,
      state: 'draft',
      lines,
      ...(typeof body.note === 'string' && body.note.trim() ? { note: body.note.trim() } : {}),
      createdAt: at,
      createdBy: actor?.label ?? 'head office',
      updatedAt: at,
    };
    await writer.put('purchaseOrders', order, storeId);
    await recordAudit(writer.tx, actor, at, { action: 'purchaseOrder.create', kind: 'purchaseOrder', subjectId: order.id, storeId, before: null, after: order });
    return order;
  }

  /** Changes a draft's lines and note: `{updatedAt, lines, note?}`. A sent order is what the supplier was asked for: it is not changed. */
  async update(id: string, input: unknown, actor: AuditActor | undefined): Promise<PurchaseOrder> {
    const body = fieldsOf(input);
    const problems = unknownFields(body, ['updatedAt', 'lines', 'note']);
    const current = await this.get(id);
    const supplied = await this.supplied(current.supplierId);
    return this.repository.write(async (writer) => {
      const order = await this.current(writer, id, body.updatedAt);
      if (order.state !== 'draft') throw new SyncError('conflict', `${order.number} is ${order.state}: only a draft is changed`, 409, [{ id, problems: [] }]);
      const { lines, problems: lineProblems } = checkOrderLines(body.lines, order.supplierName, supplied);
      problems.push(...lineProblems, ...noteProblems(body.note));
      if (problems.length > 0) throw new SyncError('invalid_document', `${order.number} was not changed`, 422, [{ id, problems }]);
      const { note: _note, ...rest } = order;
      const changed: PurchaseOrder = { ...rest, lines, ...(typeof body.note === 'string' && body.note.trim() ? { note: body.note.trim() } : {}), updatedAt: nextUpdatedAt(order.updatedAt, this.repository.now()) };
      await writer.put('purchaseOrders', changed, order.storeId);
      await recordAudit(writer.tx, actor, changed.updatedAt, { action: 'purchaseOrder.update', kind: 'purchaseOrder', subjectId: id, storeId: order.storeId, before: order, after: changed });
      return changed;
    }, 1);
  }

  /**
   * Sends a draft (draft → sent): from now on it is on order, due the supplier's lead time later.
   * Sending it again changes nothing.
   */
  async send(id: string, input: unknown, actor: AuditActor | undefined): Promise<PurchaseOrder> {
    const body = fieldsOf(input);
    return this.repository.write(async (writer) => {
      const order = await this.current(writer, id, body.updatedAt);
      if (order.state === 'sent') return order;
      if (order.state !== 'draft') throw new SyncError('conflict', `${order.number} is ${order.state}: only a draft is sent`, 409, [{ id, problems: [] }]);
      const supplier = await writer.get<Supplier>('suppliers', order.supplierId);
      const at = nextUpdatedAt(order.updatedAt, this.repository.now());
      const expectedAt = new Date(Date.parse(at) + (supplier?.leadTimeDays ?? 0) * DAY_MS).toISOString();
      return this.change(writer, order, { state: 'sent', sentAt: at, expectedAt, updatedAt: at }, 'purchaseOrder.send', actor);
    }, 1);
  }

  /** Cancels an order nothing has arrived against yet: it is no longer on order. */
  async cancel(id: string, input: unknown, actor: AuditActor | undefined): Promise<PurchaseOrder> {
    const body = fieldsOf(input);
    return this.repository.write(async (writer) => {
      const order = await this.current(writer, id, body.updatedAt);
      if (order.state === 'cancelled') return order;
      if (order.state !== 'draft' && order.state !== 'sent') {
        throw new SyncError('conflict', `${order.number} is ${order.state}: goods arrived against it, so it is not cancelled`, 409, [{ id, problems: [] }]);
      }
      const at = nextUpdatedAt(order.updatedAt, this.repository.now());
      return this.change(writer, order, { state: 'cancelled', cancelledAt: at, updatedAt: at }, 'purchaseOrder.cancel', actor);
    }, 1);
  }

  /**
   * Closes a partly received order: the supplier will not send the rest (a backorder dropped), so it
   * is no longer on order. An order still awaiting its whole delivery is cancelled instead.
   */
  async close(id: string, input: unknown, actor: AuditActor | undefined): Promise<PurchaseOrder> {
    const body = fieldsOf(input);
    return this.repository.write(async (writer) => {
      const order = await this.current(writer, id, body.updatedAt);
      if (order.state === 'received') return order;
      if (order.state !== 'partly-received') throw new SyncError('conflict', `${order.number} is ${order.state}: only a partly received order is closed (cancel one nothing arrived against)`, 409, [{ id, problems: [] }]);
      const at = nextUpdatedAt(order.updatedAt, this.repository.now());
      return this.change(writer, order, { state: 'received', closedAt: at, updatedAt: at }, 'purchaseOrder.close', actor);
    }, 1);
  }

  private async change(writer: Writer, order: PurchaseOrder, changes: Partial<PurchaseOrder> & { state: PurchaseOrderState; updatedAt: string }, action: string, actor: AuditActor | undefined): Promise<PurchaseOrder> {
    const changed: PurchaseOrder = { ...order, ...changes };
    await writer.put('purchaseOrders', changed, order.storeId);
    await recordAudit(writer.tx, actor, changed.updatedAt, { action, kind: 'purchaseOrder', subjectId: order.id, storeId: order.storeId, before: order, after: changed });
    return changed;
  }

  /** The order as this transaction sees it; `loadedAt`, when given, must be its updatedAt still. */
  private async current(writer: Writer, id: string, loadedAt: unknown): Promise<PurchaseOrder> {
    const order = await writer.get<PurchaseOrder>('purchaseOrders', id);
    if (!order) throw new SyncError('not_found', `no purchase order "${id}"`, 404);
    if (loadedAt !== undefined && loadedAt !== order.updatedAt) {
      throw new SyncError('conflict', `someone changed ${order.number} after you opened it (saved ${order.updatedAt}); nothing of yours was saved`, 409, [{ id, problems: [] }]);
    }
    return order;
  }

  /** What the supplier supplies, by product id. */
  private async supplied(supplierId: string): Promise<Map<string, SupplierProductView>> {
    if (!supplierId) return new Map();
    const views = await this.suppliers.products(supplierId).catch(() => [] as SupplierProductView[]);
    return new Map(views.map((view) => [view.productId, view]));
  }

  /** The chain's next order number, taken inside the write transaction (one writer at a time). */
  private async nextNumber(writer: Writer): Promise<string> {
    const orders = await writer.tx.documents.all<PurchaseOrder>('purchaseOrders');
    const highest = orders.reduce((most, order) => Math.max(most, Number(order.number.slice(3)) || 0), 0);
    return `PO-${String(highest + 1).padStart(6, '0')}`;
  }
}

function noteProblems(note: unknown): string[] {
  if (note === undefined || note === null || note === '') return [];
  return typeof note === 'string' && note.trim().length <= 500 ? [] : ['note: at most 500 characters'];
}

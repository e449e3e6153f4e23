import { randomUUID } from 'node:crypto';
import {
  checkSupplierFields,
  checkSupplierProductFields,
  fieldsOf,
  supplierProductId,
  SyncError,
  type Product,
  type Supplier,
  type SupplierProduct,
  type SupplierProductView,
} from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import type { Repository, Writer } from '../repository.js';
import { nextUpdatedAt } from '../updated-at.js';

/**
 * Head office's suppliers, chain-wide, and what each supplies: the supplier's SKU, pack size and cost
 * per pack, and whether it is the product's preferred supplier (one per product). They live on the
 * server alone (no till pulls them). Each write is one write transaction, audited with before and
 * after; a save over a supplier someone else changed since it was loaded is refused (409).
 */
export class Suppliers {
  constructor(private readonly repository: Repository) {}

  /** Every supplier, inactive ones too, by name. */
  async list(): Promise<Supplier[]> {
    const suppliers = await this.repository.storage.documents.all<Supplier>('suppliers');
    return suppliers.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  async create(input: unknown, actor: AuditActor | undefined): Promise<Supplier> {
    const { fields, problems } = checkSupplierFields(input);
    return this.repository.write(async (writer) => {
      problems.push(...(await this.nameTaken(writer, undefined, fields.name)));
      if (problems.length > 0) throw new SyncError('invalid_document', 'the supplier was not added', 422, [{ problems }]);
      const supplier: Supplier = { id: `supplier-${randomUUID()}`, ...fields, active: true, updatedAt: this.repository.now().toISOString() };
      await writer.put('suppliers', supplier, null);
      await recordAudit(writer.tx, actor, supplier.updatedAt, { action: 'supplier.create', kind: 'supplier', subjectId: supplier.id, storeId: null, before: null, after: supplier });
      return supplier;
    }, 1);
  }

  /**
   * Changes a supplier's fields, or makes it inactive (`active` false: no new orders) or active
   * again. `updatedAt` is the supplier's as the form loaded it.
   */
  async update(id: string, input: unknown, actor: AuditActor | undefined): Promise<Supplier> {
    const body = fieldsOf(input);
    if (typeof body.updatedAt !== 'string') throw new SyncError('bad_request', 'the supplier was not changed', 400, [{ id, problems: ['updatedAt: the supplier’s updatedAt as it was loaded'] }]);
    const { active, ...given } = fieldsOf(body.fields);
    const { fields, problems } = checkSupplierFields(given);
    if (active !== undefined && typeof active !== 'boolean') problems.push('active: true or false');
    return this.repository.write(async (writer) => {
      const current = await this.current(writer, id);
      problems.push(...(await this.nameTaken(writer, id, fields.name)));
      if (problems.length > 0) throw new SyncError('invalid_document', 'the supplier was not changed', 422, [{ id, problems }]);
      if (current.updatedAt !== body.updatedAt) {
        throw new SyncError('conflict', `someone changed this supplier after you opened it (saved ${current.updatedAt}); nothing of yours was saved`, 409, [{ id, problems: [] }]);
      }
      const changed: Supplier = { id, ...fields, active: typeof active === 'boolean' ? active : current.active, updatedAt: nextUpdatedAt(current.updatedAt, this.repository.now()) };
      await writer.put('suppliers', changed, null);
      const action = changed.active === current.active ? 'supplier.update' : changed.active ? 'supplier.restore' : 'supplier.deactivate';
      await recordAudit(writer.tx, actor, changed.updatedAt, { action, kind: 'supplier', subjectId: id, storeId: null, before: current, after: changed });
      return changed;
    }, 1);
  }

  /** What a supplier supplies, with each product's SKU, name and unit, by SKU. */
  async products(supplierId: string): Promise<SupplierProductView[]> {
    const supplier = await this.repository.storage.documents.get<Supplier>('suppliers', supplierId);
    if (!supplier || supplier.deleted) throw new SyncError('not_found', `no supplier "${supplierId}"`, 404);
    const links = (await this.repository.storage.documents.containing<SupplierProduct>('supplierProducts', [supplierId])).filter((link) => link.supplierId === supplierId);
    return this.withProducts(links, new Map([[supplier.body.id, supplier.body]]));
  }

  /** Who supplies a product, the preferred supplier first. */
  async suppliersOf(productId: string): Promise<SupplierProductView[]> {
    const links = (await this.repository.storage.documents.containing<SupplierProduct>('supplierProducts', [productId])).filter((link) => link.productId === productId);
    const suppliers = await this.repository.storage.documents.getMany<Supplier>('suppliers', [...new Set(links.map((link) => link.supplierId))]);
    const views = await this.withProducts(links, new Map([...suppliers].map(([id, stored]) => [id, stored.body])));
    return views.sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.supplierName.localeCompare(b.supplierName));
  }

  /**
   * Records what a supplier supplies of a product (or changes it). A preferred supplier is the
   * product's only one: the others it had are no longer preferred, in the same transaction.
   */
  async setProduct(supplierId: string, productId: string, input: unknown, actor: AuditActor | undefined): Promise<SupplierProduct> {
    return this.repository.write(async (writer) => {
      const supplier = await writer.get<Supplier>('suppliers', supplierId);
      if (!supplier) throw new SyncError('not_found', `no supplier "${supplierId}"`, 404);
      const product = await writer.get<Product>('products', productId);
      const { fields, problems } = checkSupplierProductFields({ ...fieldsOf(input), productId }, product?.unit);
      if (problems.length > 0) throw new SyncError('invalid_document', `what ${supplier.name} supplies was not saved`, 422, [{ id: productId, problems }]);
      const id = supplierProductId(supplierId, productId);
      const before = (await writer.get<SupplierProduct>('supplierProducts', id)) ?? null;
      const at = this.repository.now().toISOString();
      const link: SupplierProduct = { id, supplierId, ...fields, updatedAt: at };
      await writer.put('supplierProducts', link, null);
      await recordAudit(writer.tx, actor, at, { action: 'supplier.product', kind: 'supplier', subjectId: supplierId, storeId: null, before, after: link });
      if (link.preferred) {
        const others = (await writer.tx.documents.containing<SupplierProduct>('supplierProducts', [productId])).filter((other) => other.productId === productId && other.id !== id && other.preferred);
        for (const other of others) await writer.put('supplierProducts', { ...other, preferred: false, updatedAt: at }, null);
      }
      return link;
    }, 3);
  }

  /** The supplier no longer supplies the product. */
  async removeProduct(supplierId: string, productId: string, actor: AuditActor | undefined): Promise<void> {
    await this.repository.write(async (writer) => {
      const id = supplierProductId(supplierId, productId);
      const link = await writer.get<SupplierProduct>('supplierProducts', id);
      if (!link) throw new SyncError('not_found', `supplier "${supplierId}" does not supply product "${productId}"`, 404);
      await writer.put('supplierProducts', link, null, true);
      await recordAudit(writer.tx, actor, this.repository.now().toISOString(), { action: 'supplier.product.remove', kind: 'supplier', subjectId: supplierId, storeId: null, before: link, after: null });
    }, 1);
  }

  private async current(writer: Writer, id: string): Promise<Supplier> {
    const supplier = await writer.get<Supplier>('suppliers', id);
    if (!supplier) throw new SyncError('not_found', `no supplier "${id}"`, 404);
    return supplier;
  }

  /** Two suppliers of one name would be told apart by no one placing an order. */
  private async nameTaken(writer: Writer, id: string | undefined, name: string): Promise<string[]> {
    if (!name) return [];
    const key = name.toLowerCase();
    const same = (await writer.tx.documents.all<Supplier>('suppliers')).find((other) => other.id !== id && other.name.toLowerCase() === key);
    return same ? [`name: ${same.name} is a supplier already`] : [];
  }

  private async withProducts(links: SupplierProduct[], suppliers: Map<string, Supplier>): Promise<SupplierProductView[]> {
    const products = await this.repository.storage.documents.getMany<Product>('products', links.map((link) => link.productId));
    return links
      .map((link) => {
        const product = products.get(link.productId)?.body;
        const supplier = suppliers.get(link.supplierId);
        return { ...link, sku: product?.sku ?? '', name: product?.name ?? link.productId, unit: product?.unit ?? 'piece', supplierName: supplier?.name ?? link.supplierId, currency: supplier?.currency ?? '' };
      })
      .sort((a, b) => a.sku.localeCompare(b.sku));
  }
}

import type { Product, SupplierProduct } from '../../../shared/src/index.js';
import type { DocumentCollection } from '../repository.js';
import type { FieldKind, StorageReads } from '../storage/port.js';

/** What head office's reports and reorder suggestions read of each product. */
export type CatalogueProduct = Pick<Product, 'id' | 'sku' | 'name' | 'unit' | 'category' | 'price' | 'cost' | 'active'>;

/** What they read of each product's supplier links. */
export type SupplierLink = Pick<SupplierProduct, 'supplierId' | 'productId' | 'preferred' | 'packSize' | 'packCost'>;

const PRODUCT_FIELDS: Record<keyof CatalogueProduct, FieldKind> = { id: 'text', sku: 'text', name: 'text', unit: 'text', category: 'text', price: 'text', cost: 'text', active: 'boolean' };
const LINK_FIELDS: Record<keyof SupplierLink, FieldKind> = { supplierId: 'text', productId: 'text', preferred: 'boolean', packSize: 'text', packCost: 'text' };

/**
 * The chain's catalogue and supplier links as head office's reports read them, held by one server
 * process and brought up to date as they change. A chain's 100,000 products take the better part of
 * a second to read and parse, and change far less often than reports and suggestions are asked for.
 * Each read first asks for the collection's last sequence number (one index read): any write of a
 * product or link, in any server process, takes a higher one. Unchanged, what is held is answered;
 * changed, only the documents written since are read and put in place of the ones they replace (a
 * deleted one taken out). Writes take their sequence numbers one transaction at a time, in the order
 * they commit, so none lands below the number held. The rows are shared and frozen: read them, never
 * change them.
 */
export class ChainFields {
  private readonly held = new Map<DocumentCollection, { seq: number; byId: Map<string, unknown>; rows: readonly unknown[] }>();

  constructor(private readonly storage: StorageReads) {}

  /** Every product of the chain, deleted ones left out. */
  products(): Promise<readonly CatalogueProduct[]> {
    return this.read<CatalogueProduct>('products', PRODUCT_FIELDS);
  }

  /** Every product–supplier link, deleted ones left out. */
  supplierLinks(): Promise<readonly SupplierLink[]> {
    return this.read<SupplierLink>('supplierProducts', LINK_FIELDS);
  }

  /** Reads both, so the first report after a server starts finds them held. */
  async warm(): Promise<void> {
    await Promise.all([this.products(), this.supplierLinks()]);
  }

  private async read<T>(collection: DocumentCollection, fields: Record<keyof T, FieldKind>): Promise<readonly T[]> {
    // The sequence first: a write landing between the two reads is read (or not) and then seen as
    // newer next time, so what is held is never taken for newer than it is.
    const seq = await this.storage.documents.lastSeq(collection);
    const held = this.held.get(collection);
    if (held && held.seq === seq) return held.rows as readonly T[];
    // From what is held when it is older; from nothing when there is none, or the database went back
    // (restored from a backup).
    const from = held && held.seq < seq ? held : { seq: 0, byId: new Map<string, unknown>() };
    const byId = new Map(from.byId);
    for (const changed of await this.storage.documents.fieldsAfter<T>(collection, from.seq, fields)) {
      if (changed.deleted) byId.delete(changed.id);
      else byId.set(changed.id, Object.freeze(changed.fields));
    }
    const rows = Object.freeze([...byId.values()]);
    this.held.set(collection, { seq, byId, rows });
    return rows as readonly T[];
  }
}

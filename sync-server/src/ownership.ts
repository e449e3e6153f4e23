import type { Statement } from 'better-sqlite3';
import type { Till } from '../../shared/src/index.js';
import type { SqliteDatabase } from './database.js';

/** The collections whose ids tills make and push. */
export type PushedCollection = 'sales' | 'shiftEvents' | 'customers';

const COLLECTION_WORDS: Record<PushedCollection, string> = { sales: 'a sale or return', shiftEvents: 'a shift event', customers: 'a customer' };

/**
 * Who holds an id a till pushed. Ids are made where the event happens, so an id belongs to one
 * collection and, but for customers, to one till: the first that the server stored or refused a
 * document under. Customers are shared by a store's tills and head office, so a customer's id belongs
 * to its store. Another till or another collection under a held id is neither a retry nor a
 * correction: it is refused, and neither the document held nor its refusal changes hands.
 *
 * Every push claims its ids inside its own transaction, so a claim stands only if the push does.
 */
export class DocumentOwners {
  private readonly statements: Record<'claim' | 'owner', Statement>;

  constructor(db: SqliteDatabase) {
    this.statements = {
      claim: db.prepare(`INSERT INTO document_ids (id, collection, store_id, till_id) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
      owner: db.prepare(`SELECT collection, store_id, till_id FROM document_ids WHERE id = ?`),
    };
  }

  /**
   * Claims `id` for `collection` and the pushing till (its store, for customers) unless another holds
   * it. Answers why not, or undefined when the id is free or already the till's own.
   */
  claim(id: string, collection: PushedCollection, till: Pick<Till, 'id' | 'storeId'>): string | undefined {
    const tillId = collection === 'customers' ? null : till.id;
    if (this.statements.claim.run(id, collection, till.storeId, tillId).changes === 1) return undefined;
    const owner = this.statements.owner.get(id) as { collection: PushedCollection; store_id: string; till_id: string | null };
    const held = COLLECTION_WORDS[owner.collection] ?? 'another document';
    if (owner.collection !== collection) return `id "${id}" is already used by ${held}`;
    if (owner.store_id !== till.storeId) return `id "${id}" is already used by ${held} of another store`;
    if (owner.till_id !== tillId) return `id "${id}" is already used by a document of another till`;
    return undefined;
  }

  /**
   * Claims the shift a sale or shift event names for the pushing till: a shift is its till's from the
   * first document that names it (a sale may arrive before the shift's open event). Answers why not.
   */
  claimShift(shiftId: string, till: Pick<Till, 'id' | 'storeId'>): string | undefined {
    const taken = this.claim(shiftId, 'shiftEvents', till);
    if (!taken) return undefined;
    const owner = this.statements.owner.get(shiftId) as { collection: PushedCollection; till_id: string | null };
    if (owner.collection === 'shiftEvents' && owner.till_id) return `shift "${shiftId}" belongs to till "${owner.till_id}"; only the till that opened a shift writes to it`;
    return `shift "${shiftId}" is no shift of this till: ${taken}`;
  }

  /** Claims an id for a customer head office makes; answers why not when a till's document holds it. */
  claimForOffice(id: string, storeId: string): string | undefined {
    return this.claim(id, 'customers', { id: 'office', storeId });
  }
}

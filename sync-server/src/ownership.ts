import type { Till } from '../../shared/src/index.js';
import type { IdOwner, OwnerReads, OwnerWrites } from './storage/port.js';

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
  /** `owners` is a transaction's: a claim stands only if its transaction commits. */
  constructor(private readonly owners: OwnerReads & OwnerWrites) {}

  /**
   * Claims `id` for `collection` and the pushing till (its store, for customers) unless another holds
   * it. Answers why not, or undefined when the id is free or already the till's own.
   */
  async claim(id: string, collection: PushedCollection, till: Pick<Till, 'id' | 'storeId'>): Promise<string | undefined> {
    const tillId = collection === 'customers' ? null : till.id;
    const { claimed, owner } = await this.owners.claim(id, { collection, storeId: till.storeId, tillId });
    if (claimed) return undefined;
    return ownerProblem(id, collection, till.storeId, tillId, owner);
  }

  /** `claim` for several ids of one collection in one go, in the order given: why not, per id (undefined: claimed or the till's own). */
  async claimMany(ids: readonly string[], collection: PushedCollection, till: Pick<Till, 'id' | 'storeId'>): Promise<Map<string, string | undefined>> {
    const tillId = collection === 'customers' ? null : till.id;
    const answers = await this.owners.claimMany(ids.map((id) => ({ id, owner: { collection, storeId: till.storeId, tillId } })));
    return new Map([...answers].map(([id, { claimed, owner }]) => [id, claimed ? undefined : ownerProblem(id, collection, till.storeId, tillId, owner)]));
  }

  /** `claimShift` for several shifts in one go: why not, per shift. */
  async claimShifts(shiftIds: readonly string[], till: Pick<Till, 'id' | 'storeId'>): Promise<Map<string, string | undefined>> {
    const answers = await this.owners.claimMany(shiftIds.map((id) => ({ id, owner: { collection: 'shiftEvents', storeId: till.storeId, tillId: till.id } })));
    return new Map([...answers].map(([shiftId, { claimed, owner }]) => [shiftId, claimed ? undefined : shiftProblem(shiftId, till, owner)]));
  }

  /**
   * Claims the shift a sale or shift event names for the pushing till: a shift is its till's from the
   * first document that names it (a sale may arrive before the shift's open event). Answers why not.
   */
  async claimShift(shiftId: string, till: Pick<Till, 'id' | 'storeId'>): Promise<string | undefined> {
    const { claimed, owner } = await this.owners.claim(shiftId, { collection: 'shiftEvents', storeId: till.storeId, tillId: till.id });
    return claimed ? undefined : shiftProblem(shiftId, till, owner);
  }

  /** Claims an id for a customer head office makes; answers why not when a till's document holds it. */
  async claimForOffice(id: string, storeId: string): Promise<string | undefined> {
    return this.claim(id, 'customers', { id: 'office', storeId });
  }
}

/** Why a shift held by `owner` is not the till's, or undefined when it is. */
function shiftProblem(shiftId: string, till: Pick<Till, 'id' | 'storeId'>, owner: IdOwner): string | undefined {
  const taken = ownerProblem(shiftId, 'shiftEvents', till.storeId, till.id, owner);
  if (!taken) return undefined;
  if (owner.collection === 'shiftEvents' && owner.tillId) return `shift "${shiftId}" belongs to till "${owner.tillId}"; only the till that opened a shift writes to it`;
  return `shift "${shiftId}" is no shift of this till: ${taken}`;
}

/** Why a held id is not the claimant's, or undefined when it is (the same collection, store and till). */
function ownerProblem(id: string, collection: PushedCollection, storeId: string, tillId: string | null, owner: IdOwner): string | undefined {
  const held = COLLECTION_WORDS[owner.collection] ?? 'another document';
  if (owner.collection !== collection) return `id "${id}" is already used by ${held}`;
  if (owner.storeId !== storeId) return `id "${id}" is already used by ${held} of another store`;
  if (owner.tillId !== tillId) return `id "${id}" is already used by a document of another till`;
  return undefined;
}

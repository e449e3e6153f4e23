import { SyncError, type PushRefusal, type Refusal, type Till } from '../../../shared/src/index.js';
import type { PushedCollection } from '../ownership.js';
import { Writer, type Repository } from '../repository.js';
import { raiseException } from '../stock/exceptions.js';

/** The collections whose documents a push may refuse. */
export type RefusedCollection = PushedCollection;

/** How often head office hears, at most, that a till is at its refusal cap. */
const REFUSAL_CAP_NOTE_MS = 60 * 60 * 1000;

/** Thrown inside a push's transaction when keeping one more refusal would take the till past its cap. */
class RefusalCapReached extends Error {
  constructor(
    readonly openRefusals: number,
    readonly bytes: number,
  ) {
    super('refusal cap reached');
  }
}

/**
 * The documents a push refuses, kept with their reasons for their till and head office, within the
 * till's refusal cap (RefusalCap).
 */
export class Refusals {
  constructor(private readonly repository: Repository) {}

  /**
   * Keeps a refused document with its reasons, for its till (replicated to that till alone) and head
   * office. `label` is its number in its own till numbering (a sale's number, a shift event's
   * sequence) and what the till shows it as (a receipt number, "shift close T1"). Another till's
   * refusal under the same id (a customer two tills changed) is left as it is: the answer still
   * carries the reasons. Counts against the till's refusal cap (see RefusalCap).
   */
  async record(
    writer: Writer,
    till: Till,
    collection: RefusedCollection,
    id: string,
    document: Record<string, unknown>,
    problems: string[],
    at: string,
    label: { number: number; receiptNumber: string },
  ): Promise<PushRefusal> {
    const { number, receiptNumber } = label;
    const reasons = problems.slice(0, 50).map((problem) => problem.slice(0, 500));
    const previous = await writer.tx.refusals.get(id);
    if (previous && (previous.tillId !== till.id || previous.collection !== collection)) return { id, number, problems: reasons };
    const bytes = Buffer.byteLength(JSON.stringify(document));
    await this.count(writer, till, previous && previous.acceptedAt === null ? previous.bytes : undefined, bytes);
    const attempts = previous ? previous.attempts + 1 : 1;
    await writer.tx.refusals.put({
      id,
      storeId: till.storeId,
      tillId: till.id,
      collection,
      number,
      document,
      bytes,
      problems: reasons,
      attempts,
      firstRefusedAt: previous?.firstRefusedAt ?? at,
      lastRefusedAt: at,
    });
    const refusal: Refusal = {
      id,
      storeId: till.storeId,
      tillId: till.id,
      sourceCollection: collection,
      number,
      receiptNumber,
      problems: reasons,
      status: 'open',
      attempts,
      refusedAt: at,
      acceptedAt: null,
    };
    await writer.put('refusals', refusal, till.storeId, false, till.id);
    return { id, number, problems: reasons };
  }

  /**
   * Counts one refusal kept for a till (`openBytes`: the bytes of the open refusal it replaces) against
   * its cap; throws RefusalCapReached, which undoes the whole push, when it would go past.
   */
  private async count(writer: Writer, till: Till, openBytes: number | undefined, bytes: number): Promise<void> {
    const totals = writer.refusalTotals.get(till.id) ?? (await writer.tx.refusals.openTotals(till.id));
    const count = totals.count + (openBytes === undefined ? 1 : 0);
    const total = totals.bytes + bytes - (openBytes ?? 0);
    if (count > this.repository.refusalCap.count || total > this.repository.refusalCap.bytes) throw new RefusalCapReached(totals.count, totals.bytes);
    writer.refusalTotals.set(till.id, { count, bytes: total });
  }

  /**
   * Runs a push of `till` in one transaction. A push that would take the till past its refusal cap
   * stores nothing and is answered 429; head office gets an exception when the till reaches the cap,
   * at most one an hour (not one per push), and the till's status shows why it cannot send.
   */
  async withCap<T>(till: Till, sequenceBlock: number, push: (writer: Writer) => Promise<T>): Promise<T> {
    try {
      // The push's sequence numbers are taken as its transaction begins (with the write lock, on PostgreSQL).
      return await this.repository.storage.transaction((tx) => push(new Writer(tx, sequenceBlock)), { sequenceBlock });
    } catch (error) {
      if (!(error instanceof RefusalCapReached)) throw error;
      await this.repository.write(async ({ tx }) => {
        // One note an hour at most: a till at its cap pushes every few minutes, and one that gets a
        // few refusals taken and then pushes junk again must not bury head office's other notes.
        const capped = (await tx.tillContacts.get(till.id))?.refusalsCappedAt;
        if (capped && this.repository.now().getTime() - Date.parse(capped) < REFUSAL_CAP_NOTE_MS) return;
        await tx.tillContacts.markRefusalsCapped(till.id, this.repository.now().toISOString());
        await raiseException(tx, this.repository.now().toISOString(), till.storeId, 'refusals_capped', '', { id: '', tillId: till.id }, {
          openRefusals: String(error.openRefusals),
          bytes: String(error.bytes),
          cap: `${this.repository.refusalCap.count} documents or ${this.repository.refusalCap.bytes} bytes`,
        });
      });
      throw new SyncError(
        'too_many_refusals',
        `this till keeps ${error.openRefusals} refused documents on the server, as many as it may; nothing of this push was stored. Head office must look at the refused documents before the till can send more that are refused`,
        429,
      );
    }
  }

  /** A refused document sent again and taken: its refusal is closed, for the till and head office. */
  async accept(writer: Writer, collection: RefusedCollection, id: string, tillId: string, at: string): Promise<boolean> {
    if (!(await writer.tx.refusals.accept(id, tillId, collection, at)).accepted) return false;
    const refusal = await writer.get<Refusal>('refusals', id);
    if (refusal) await writer.put('refusals', { ...refusal, status: 'accepted', acceptedAt: at }, refusal.storeId, false, refusal.tillId);
    // The till keeps one refusal fewer: counted afresh should it keep another in this push.
    writer.refusalTotals.delete(tillId);
    return true;
  }
}

import { defaultConflictHandler, type RxConflictHandler } from 'rxdb';
import { BehaviorSubject } from 'rxjs';
import {
  customerProblems,
  CustomerError,
  editCustomer,
  mergeCustomer,
  newCustomer,
  withoutInternalFields,
  type Customer,
  type CustomerChanges,
  type CustomerFields,
} from '../../../../shared/src/index.js';
import type { TillDatabase } from '../data/database.js';
import { CollectionFollower } from '../sync/follow.js';
import { normalise } from '../checkout/search.js';

/** The fewest digits typed that are looked for in phone numbers (fewer would match nearly everyone). */
const MIN_PHONE_DIGITS = 3;

interface IndexedCustomer {
  customer: Customer;
  /** normalise(name + e-mail): words with a leading space each. */
  words: string;
  /** The phone's digits only. */
  digits: string;
  /** The name, lower-cased, for ordering. */
  sortName: string;
}

function indexed(customer: Customer): IndexedCustomer {
  return {
    customer,
    words: normalise(`${customer.name} ${customer.email ?? ''}`),
    digits: (customer.phone ?? '').replace(/\D/g, ''),
    sortName: customer.name.toLowerCase(),
  };
}

/**
 * What the till does when the server answers a pushed customer with its own version: merge the two
 * field by field, as the server does. The server has already merged the till's version in, so this is
 * the server's version; it keeps a till from dropping its own edit should a server ever answer with
 * an older one. A customer head office merged away stays deleted.
 */
export const customerConflictHandler: RxConflictHandler<Customer> = {
  isEqual: defaultConflictHandler.isEqual,
  async resolve({ newDocumentState, realMasterState }) {
    if (realMasterState._deleted) return realMasterState;
    const merged = mergeCustomer(withoutInternalFields(realMasterState as never) as Customer, withoutInternalFields(newDocumentState as never) as Customer);
    // The duplicate flags are the server's alone.
    const { possibleDuplicates: _flags, ...fields } = merged;
    return { ...fields, ...(realMasterState.possibleDuplicates ? { possibleDuplicates: realMasterState.possibleDuplicates } : {}), _deleted: false };
  },
};

/**
 * The store's customers on the till: recorded at the counter (offline too), changed, and found as the
 * cashier types. Each new customer is validated by the server's rules (customerProblems) and written
 * in one insert; a change stamps only the fields it changes (editCustomer), so the server can merge
 * it with changes made elsewhere meanwhile. Search runs over a small in-memory index kept in step with
 * the collection (replicated changes and merges from head office included).
 */
export class CustomerBook {
  /** Counts changes to the index: the UI re-runs its search when it moves. */
  readonly changes$ = new BehaviorSubject<number>(0);
  private readonly customers = new Map<string, IndexedCustomer>();
  private follower: CollectionFollower<Customer> | undefined;
  private opening: Promise<void> | undefined;

  constructor(
    private readonly db: TillDatabase,
    private readonly storeId: string,
    private readonly tillId: string,
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reads the customers into the index and follows the collection's changes (once). */
  open(): Promise<void> {
    this.opening ??= (async () => {
      this.follower = new CollectionFollower(
        this.db.customers,
        (customer, deleted) => {
          if (deleted || customer.storeId !== this.storeId) this.customers.delete(customer.id);
          else this.customers.set(customer.id, indexed(customer));
        },
        () => this.changes$.next(this.changes$.value + 1),
      );
      await this.follower.open();
    })();
    return this.opening;
  }

  close(): void {
    this.follower?.close();
  }

  /** How many customers the till knows. */
  get size(): number {
    return this.customers.size;
  }

  /** A customer by id, or undefined (also before `open` has finished, or once head office merged it away). */
  get(id: string): Customer | undefined {
    return this.customers.get(id)?.customer;
  }

  /**
   * Customers whose name or e-mail contains every word typed (anywhere in a word, case and accents
   * ignored), or whose phone contains the digits typed ("0170 123" finds "+49 170 1234567": leading
   * zeros are dropped). Names starting with what was typed come first, then by name.
   */
  search(text: string, limit = 20): Customer[] {
    const query = normalise(text);
    const words = query.split(' ').filter(Boolean);
    const digits = /^[\d\s+()./-]+$/.test(text.trim()) ? text.replace(/\D/g, '').replace(/^0+/, '') : '';
    if (words.length === 0) return [];
    const found: { entry: IndexedCustomer; score: number }[] = [];
    for (const entry of this.customers.values()) {
      const byPhone = digits.length >= MIN_PHONE_DIGITS && entry.digits.includes(digits);
      let score = 0;
      let all = true;
      for (const word of words) {
        const at = entry.words.indexOf(word);
        if (at < 0) {
          all = false;
          break;
        }
        if (entry.words.includes(` ${word}`)) score++;
      }
      if (!all && !byPhone) continue;
      if (entry.sortName.startsWith(words[0])) score += words.length + 1;
      found.push({ entry, score });
    }
    return found
      .sort((a, b) => b.score - a.score || a.entry.sortName.localeCompare(b.entry.sortName) || (a.entry.customer.id < b.entry.customer.id ? -1 : 1))
      .slice(0, limit)
      .map(({ entry }) => entry.customer);
  }

  /** Records a new customer (offline too): name, and phone, e-mail and note if given. Throws CustomerError with the reasons when they are not sound. */
  async create(fields: CustomerFields): Promise<Customer> {
    const customer = newCustomer(fields, { id: this.newId(), storeId: this.storeId, createdBy: this.tillId, at: this.now().toISOString() });
    const problems = customerProblems(customer);
    if (problems.length > 0) throw new CustomerError(problems);
    await this.db.customers.insert(customer);
    if (this.opening) this.customers.set(customer.id, indexed(customer));
    return customer;
  }

  /**
   * Changes a customer: a field left out stays, null or "" clears phone, e-mail or note. Only the
   * fields that really change get a new changedAt. Answers the customer as stored; throws
   * CustomerError when it is unknown here or the change is not sound (nothing is written then).
   */
  async update(id: string, changes: CustomerChanges): Promise<Customer> {
    const document = await this.db.customers.findOne(id).exec();
    if (!document) throw new CustomerError([`customer "${id}" is not on this till (head office may have merged it into another)`]);
    const stored = withoutInternalFields(document.toJSON() as never) as Customer;
    // Nothing changes: nothing is written, and nothing is sent to the server.
    if (editCustomer(stored, changes, this.now().toISOString()) === stored) return stored;
    let result: Customer | undefined;
    const written = await document.incrementalModify((data) => {
      const current = withoutInternalFields(data as never) as Customer;
      const edited = editCustomer(current, changes, this.now().toISOString());
      if (edited === current) {
        result = current;
        return data;
      }
      const problems = customerProblems(edited);
      if (problems.length > 0) throw new CustomerError(problems);
      result = edited;
      return edited;
    });
    const customer = result ?? (withoutInternalFields(written.toJSON() as never) as Customer);
    if (this.opening && !written.deleted) this.customers.set(customer.id, indexed(customer));
    return customer;
  }
}

import { keepRead, keepWrite } from '../settings.js';
import type { DiscountInput, Person, VoidedLine } from '../../../../shared/src/index.js';
import type { CartLine } from './cart.js';

/** A cart put aside at the counter (the customer fetches something), to be taken up again later. */
export interface ParkedCart {
  id: string;
  parkedAt: string;
  cashierName: string;
  /** What the cashier called it ("Mrs Patel, fetching her purse"); absent when none was given, and on carts parked before names existed. */
  name?: string;
  lines: CartLine[];
  /** Absent on carts parked before order discounts existed. */
  orderDiscount?: DiscountInput | null;
  /** Lines voided from the cart before it was parked: recorded on the sale when it is paid. */
  voids?: VoidedLine[];
  customer?: Person | null;
}

const PARKED_KEY = 'kassa.parkedCarts';

/**
 * Parked carts, kept in the till's IndexedDB so they outlive a restart; a cart is not a document the
 * server needs (nothing was sold), so it never leaves the till.
 */
export class ParkedCarts {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly tillId: string) {}

  private get key(): string {
    return `${PARKED_KEY}:${this.tillId}`;
  }

  async list(): Promise<ParkedCart[]> {
    return (await keepRead<ParkedCart[]>(this.key)) ?? [];
  }

  /** Parks a cart; resolves once it is on disk. A blank name is no name. */
  park(lines: readonly CartLine[], cashierName: string, extra: Pick<ParkedCart, 'orderDiscount' | 'voids' | 'customer' | 'name'> = {}): Promise<ParkedCart> {
    return this.change(async (carts) => {
      const { name, ...rest } = extra;
      const named = name?.trim() ? { name: name.trim() } : {};
      const cart: ParkedCart = { id: crypto.randomUUID(), parkedAt: new Date().toISOString(), cashierName, ...named, lines: lines.map((line) => ({ ...line })), ...structuredClone(rest) };
      return { carts: [...carts, cart], result: cart };
    });
  }

  /**
   * Puts a cart taken out back where it was (its voiding could not be recorded, say): nothing parked
   * is lost. A cart still parked is left as it is.
   */
  putBack(cart: ParkedCart): Promise<void> {
    return this.change(async (carts) => ({
      carts: carts.some((other) => other.id === cart.id) ? carts : [...carts, structuredClone(cart)].sort((a, b) => a.parkedAt.localeCompare(b.parkedAt)),
      result: undefined,
    }));
  }

  /** Takes a parked cart out (to resume it); undefined when another till window took it already. */
  take(id: string): Promise<ParkedCart | undefined> {
    return this.change(async (carts) => ({ carts: carts.filter((cart) => cart.id !== id), result: carts.find((cart) => cart.id === id) }));
  }

  private change<T>(work: (carts: ParkedCart[]) => Promise<{ carts: ParkedCart[]; result: T }>): Promise<T> {
    const run = async () => {
      const { carts, result } = await work(await this.list());
      await keepWrite(this.key, carts);
      return result;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

import { MAX_PIN_ATTEMPTS, PIN_LOCKOUT_MS, verifyPin, type Cashier, type CashierRole } from '../../../../shared/src/index.js';
import type { TillDatabase } from '../data/database.js';

export class SignInRefused extends Error {
  override name = 'SignInRefused';
}

/**
 * The store's cashiers as head office last sent them, and PIN checks against their salted hashes,
 * offline too. After MAX_PIN_ATTEMPTS wrong PINs in a row the till makes the next try wait
 * PIN_LOCKOUT_MS, so guessing at the counter is slow.
 */
export class CashierDirectory {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly db: TillDatabase,
    private readonly storeId: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Active cashiers of the store, by name. */
  async list(): Promise<Cashier[]> {
    const found = await this.db.cashiers.find({ selector: { storeId: this.storeId } }).exec();
    return found
      .map((document) => document.toJSON() as Cashier)
      .filter((cashier) => cashier.active)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Calls `listener` with the active cashiers now and whenever head office changes them. */
  watch(listener: (cashiers: Cashier[]) => void): () => void {
    const subscription = this.db.cashiers.find({ selector: { storeId: this.storeId } }).$.subscribe(() => void this.list().then(listener));
    return () => subscription.unsubscribe();
  }

  /** Seconds until PINs are taken again, 0 when they are. */
  get waitSeconds(): number {
    return Math.max(0, Math.ceil((this.lockedUntil - this.now()) / 1000));
  }

  private async check(pin: string, candidates: readonly Cashier[]): Promise<Cashier | undefined> {
    if (this.waitSeconds > 0) throw new SignInRefused(`Too many wrong PINs: try again in ${this.waitSeconds} s.`);
    for (const cashier of candidates) {
      if (await verifyPin(pin, cashier.pin)) {
        this.failures = 0;
        return cashier;
      }
    }
    this.failures++;
    if (this.failures >= MAX_PIN_ATTEMPTS) {
      this.failures = 0;
      this.lockedUntil = this.now() + PIN_LOCKOUT_MS;
    }
    return undefined;
  }

  /** Signs a cashier in: their PIN, checked against their own hash. */
  async signIn(cashierId: string, pin: string): Promise<Cashier> {
    const cashier = (await this.list()).find((candidate) => candidate.id === cashierId);
    if (!cashier) throw new SignInRefused('That cashier cannot sign in at this store.');
    const matched = await this.check(pin, [cashier]);
    if (!matched) throw new SignInRefused('Wrong PIN.');
    return matched;
  }

  /**
   * A manager's approval: the PIN of any active manager of the store (a manager steps up to the
   * till and types it). Answers the manager, or throws when no manager has that PIN.
   */
  async approve(pin: string, role: CashierRole = 'manager'): Promise<Cashier> {
    const managers = (await this.list()).filter((cashier) => cashier.role === role);
    if (managers.length === 0) throw new SignInRefused('No manager is set up for this store: head office adds one.');
    const matched = await this.check(pin, managers);
    if (!matched) throw new SignInRefused('That is not a manager’s PIN.');
    return matched;
  }

  /** The role of a cashier of the store, for the rules that depend on it. */
  async roleOf(cashierId: string): Promise<CashierRole | undefined> {
    return (await this.list()).find((cashier) => cashier.id === cashierId)?.role;
  }
}

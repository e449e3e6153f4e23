import { BehaviorSubject } from 'rxjs';
import {
  closeProblems,
  countedTotal,
  dec,
  isDecimalString,
  shiftEventProblems,
  shiftReport,
  ShiftError,
  toFixedString,
  type Count,
  type DecimalString,
  type Person,
  type Sale,
  type ShiftEvent,
  type ShiftReport,
} from '../../../../shared/src/index.js';
import type { TillDatabase } from '../data/database.js';

/** One line of a cart voided whole: nothing was sold and no stock moved, but the report counts it. */
export type VoidedLine = NonNullable<ShiftEvent['lines']>[number];

export interface OpenShiftRequest {
  /** The cash put in the drawer to give change from. */
  float: DecimalString;
  /** The float counted by denomination; when given, it must add up to `float`. */
  counted?: readonly Count[];
  cashier: Person;
  storeId: string;
  tillId: string;
  currency: string;
}

export interface CloseShiftRequest {
  /** The drawer counted by denomination. */
  counted: readonly Count[];
  cashier: Person;
  /** A manager who approved the close, when the cashier may not close alone. */
  approvedBy?: Person;
}

/** The shift that is open now, and whether the book has read the till's events yet. */
export interface ShiftState {
  loaded: boolean;
  open: ShiftEvent | null;
}

/** Only id and name go on an event: a signed-in cashier object may carry more (a role). */
function person(who: Person): Person {
  return { id: who.id, name: who.name };
}

/**
 * A positive (or, for a float, zero or more) amount of money, written with the currency's decimals
 * ("150" → "150.00"); an amount with more decimals than the currency has is refused, never rounded.
 */
function amountOf(value: DecimalString, what: string, allowZero: boolean, decimals: number): DecimalString {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!isDecimalString(text)) throw new ShiftError(`${what} must be an amount such as 12.50 (is "${String(value)}")`);
  const amount = dec(text);
  if (amount.isNegative() || (!allowZero && amount.isZero())) throw new ShiftError(`${what} must be more than 0 (is ${text})`);
  if (amount.decimalPlaces() > decimals) throw new ShiftError(`${what} has more than ${decimals} decimals (is ${text})`);
  return toFixedString(amount, decimals);
}

/** Rows actually counted, each once: zero rows add nothing to the event. */
function countRows(counted: readonly Count[]): Count[] {
  return counted.filter((row) => row.count > 0).map((row) => ({ denomination: dec(row.denomination).toFixed(), count: row.count }));
}

/**
 * The till's cash sessions: the one writer of its shift events. Each event is validated by the same
 * rules as the server's and written as ONE insert, numbered from the highest sequence stored plus
 * one; writes run one after another, so two quick ones never take the same sequence. A shift's state
 * and its X and Z reports are projections of its events and of the sales that name it (see
 * shared/src/shift.ts), never a stored total.
 */
export class ShiftBook {
  /** The open shift for the UI; `loaded` turns true once the till's events have been read. */
  readonly state$ = new BehaviorSubject<ShiftState>({ loaded: false, open: null });
  private queue: Promise<unknown> = Promise.resolve();
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: TillDatabase,
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly now: () => Date = () => new Date(),
    /** The server's highest sequence of this till, so a till restored from empty never reuses one. */
    private readonly serverLastSequence: () => number = () => 0,
  ) {}

  /** Reads which shift is open (once); every other method waits for it. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const lastOpen = await this.db.shiftEvents.findOne({ selector: { kind: 'open' }, sort: [{ sequence: 'desc' }] }).exec();
      const closed = lastOpen ? await this.db.shiftEvents.findOne({ selector: { shiftId: lastOpen.id, kind: 'close' } }).exec() : null;
      this.state$.next({ loaded: true, open: lastOpen && !closed ? (lastOpen.toJSON() as ShiftEvent) : null });
    })();
    return this.loading;
  }

  /** The shift open now, or undefined (also before `load` has finished). */
  current(): ShiftEvent | undefined {
    return this.state$.value.open ?? undefined;
  }

  /** Opens a shift with the float counted into the drawer; refused while one is open. */
  open(request: OpenShiftRequest): Promise<ShiftEvent> {
    return this.write(async (sequence) => {
      const already = this.current();
      if (already) throw new ShiftError(`a shift is already open (opened ${already.at} by ${already.cashier.name}); close it first`);
      const float = amountOf(request.float, 'the float', true, await this.decimals(request.storeId));
      const counted = request.counted ? countRows(request.counted) : undefined;
      if (counted && !countedTotal(counted).eq(dec(float))) throw new ShiftError(`the float counted adds up to ${countedTotal(counted).toFixed()}, not ${float}`);
      const id = this.newId();
      return {
        id,
        shiftId: id,
        storeId: request.storeId,
        tillId: request.tillId,
        kind: 'open',
        sequence,
        at: this.now().toISOString(),
        cashier: person(request.cashier),
        currency: request.currency,
        amount: float,
        ...(counted ? { counted } : {}),
      };
    });
  }

  /** Cash put into the drawer (a change top-up), with why. */
  cashIn(amount: DecimalString, reason: string, cashier: Person): Promise<ShiftEvent> {
    return this.moveCash('cash-in', amount, reason, cashier);
  }

  /** Cash taken out of the drawer (a bank deposit, a supplier paid), with why; never more than it holds. */
  cashOut(amount: DecimalString, reason: string, cashier: Person): Promise<ShiftEvent> {
    return this.moveCash('cash-out', amount, reason, cashier);
  }

  /** A whole cart voided (nothing sold, no stock moved), kept for the shift's report. */
  voidCart(lines: readonly VoidedLine[], reason: string, cashier: Person): Promise<ShiftEvent> {
    return this.write(async (sequence) => {
      const shift = this.requireOpen('void a cart');
      if (lines.length === 0) throw new ShiftError('an empty cart has nothing to void');
      return {
        ...this.common(shift, sequence, cashier),
        kind: 'void',
        lines: lines.map((line) => ({ productId: line.productId, name: line.name, quantity: line.quantity, gross: line.gross })),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      };
    });
  }

  /**
   * Closes the open shift with the drawer counted: the expected cash is the shift's report over its
   * events and the sales that name it. Answers the Z report.
   */
  close(request: CloseShiftRequest): Promise<ShiftReport> {
    return this.write(
      async (sequence) => {
        const shift = this.requireOpen('close a shift');
        const before = await this.reportOf(shift.id);
        const counted = countRows(request.counted);
        const countedCash = countedTotal(counted);
        const decimals = await this.decimals(shift.storeId);
        const event: ShiftEvent = {
          ...this.common(shift, sequence, request.cashier),
          kind: 'close',
          counted,
          expectedCash: before.expectedCash,
          countedCash: toFixedString(countedCash, decimals),
          difference: toFixedString(countedCash.minus(dec(before.expectedCash)), decimals),
          ...(request.approvedBy ? { approvedBy: person(request.approvedBy) } : {}),
        };
        const problems = closeProblems(event, before);
        if (problems.length > 0) throw new ShiftError(`the close does not add up: ${problems.join('; ')}`);
        return event;
      },
      (event) => this.report(event.shiftId),
    );
  }

  /** The X report of a shift while it is open, its Z report once closed. */
  async report(shiftId: string): Promise<ShiftReport> {
    await this.load();
    return this.reportOf(shiftId);
  }

  private async reportOf(shiftId: string): Promise<ShiftReport> {
    const events = (await this.db.shiftEvents.find({ selector: { shiftId } }).exec()).map((document) => document.toJSON() as ShiftEvent);
    const open = events.find((event) => event.kind === 'open');
    if (!open) throw new ShiftError(`no shift ${shiftId} on this till`);
    const sales = (await this.db.sales.find({ selector: { shiftId } }).exec()).map((document) => document.toJSON() as Sale);
    return shiftReport(events, sales, await this.decimals(open.storeId));
  }

  /** The store's currency decimals (2 when the store is not known here). */
  private async decimals(storeId: string): Promise<number> {
    const store = this.db.collections.stores ? await this.db.stores.findOne(storeId).exec() : null;
    return store?.pricing.currencyDecimals ?? 2;
  }

  private moveCash(kind: 'cash-in' | 'cash-out', amount: DecimalString, reason: string, cashier: Person): Promise<ShiftEvent> {
    return this.write(async (sequence) => {
      const shift = this.requireOpen(kind === 'cash-in' ? 'put cash in' : 'take cash out');
      const moved = amountOf(amount, `the ${kind}`, false, await this.decimals(shift.storeId));
      if (!reason.trim()) throw new ShiftError(`a ${kind} needs a reason`);
      if (kind === 'cash-out') {
        const { expectedCash } = await this.reportOf(shift.id);
        if (dec(moved).gt(dec(expectedCash))) throw new ShiftError(`the drawer should hold ${expectedCash}: ${moved} cannot be taken out`);
      }
      return { ...this.common(shift, sequence, cashier), kind, amount: moved, reason: reason.trim() };
    });
  }

  private requireOpen(toDo: string): ShiftEvent {
    const shift = this.current();
    if (!shift) throw new ShiftError(`no shift is open: open one to ${toDo}`);
    return shift;
  }

  private common(shift: ShiftEvent, sequence: number, cashier: Person) {
    return {
      id: this.newId(),
      shiftId: shift.id,
      storeId: shift.storeId,
      tillId: shift.tillId,
      sequence,
      at: this.now().toISOString(),
      cashier: person(cashier),
      currency: shift.currency,
    };
  }

  /**
   * Builds, checks and inserts one event, one write after another: the next sequence is read after
   * the previous write has landed. `answer` makes what the caller gets from the event written.
   */
  private write<T = ShiftEvent>(build: (sequence: number) => Promise<ShiftEvent>, answer?: (event: ShiftEvent) => Promise<T>): Promise<T> {
    const run = async () => {
      await this.load();
      const last = await this.db.shiftEvents.findOne({ selector: { sequence: { $gte: 0 } }, sort: [{ sequence: 'desc' }] }).exec();
      const event = await build(Math.max(last?.sequence ?? 0, this.serverLastSequence()) + 1);
      // The same checks the server makes: an event it would refuse is never written.
      const problems = shiftEventProblems(event);
      if (problems.length > 0) throw new ShiftError(`the ${event.kind} event is not valid: ${problems.join('; ')}`);
      await this.db.shiftEvents.insert(event);
      if (event.kind === 'open') this.state$.next({ loaded: true, open: event });
      if (event.kind === 'close') this.state$.next({ loaded: true, open: null });
      return answer ? answer(event) : (event as T);
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

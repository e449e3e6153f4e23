import { create } from 'zustand';
import {
  dec,
  lineQuantityProblem,
  type Dec,
  type DiscountInput,
  type Person,
  type PriceOverrideInput,
  type Product,
  type Sale,
  type Store,
  type VoidedLine,
  type Weighing,
  type WeightOverrideInput,
} from '../../../../shared/src/index.js';

export interface CartLine {
  lineId: string;
  productId: string;
  quantity: string;
  /** A price other than the shelf's, approved by a manager. */
  priceOverride?: PriceOverrideInput;
  discount?: DiscountInput;
  /**
   * Goods sold by the kg: how the weight was taken. A scale label's weight is locked (see
   * overrideWeight); a weight keyed in may be typed over.
   */
  weighing?: Weighing;
  /** A scale label's weight changed with a manager's approval; `quantity` is the weight charged. */
  weightOverride?: WeightOverrideInput;
}

/** What is changed about a scale label's weight, beside the weight: why, by whom, approved by whom. */
export type WeightChange = Omit<WeightOverrideInput, 'was'>;

export interface Notice {
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** A completed sale or return the notice is about: the notice offers to print its receipt. */
  receipt?: Sale;
  /** Something the notice offers to do at once ("Undo"). */
  action?: { label: string; run(): void };
}

interface CartState {
  lines: CartLine[];
  selectedLineId: string | null;
  notice: Notice | null;
  paying: boolean;
  lastSale: Sale | null;
  orderDiscount: DiscountInput | null;
  /** Lines taken out of this cart: recorded on the sale when it is paid. */
  voids: VoidedLine[];
  /** The customer the sale is for, if the cashier attached one. */
  customer: Person | null;
  setCustomer(customer: Person | null): void;
  /**
   * Adds one unit (or `quantity`) of a product; a product already in the cart gets its quantity
   * raised, unless it was weighed: a scale label, or a weight keyed in, is its own line, charged for
   * what was weighed.
   */
  add(product: Product, quantity?: string, weighing?: Weighing): CartLine;
  /** Throws for a scale label's line: its weight changes only through overrideWeight. */
  setQuantity(lineId: string, quantity: string): void;
  /**
   * Charges a scale label's line for another weight, recorded with the label's weight, why and the
   * manager who approved (see WeightOverrideInput). The label's own weight again takes the override
   * off and needs no `change`.
   */
  overrideWeight(lineId: string, weight: string, change?: WeightChange): void;
  /** Takes a line out; `voided` records what it was, for the sale's voids. */
  remove(lineId: string, voided?: VoidedLine): void;
  setDiscount(lineId: string, discount: DiscountInput | undefined): void;
  setPriceOverride(lineId: string, override: PriceOverrideInput | undefined): void;
  setOrderDiscount(discount: DiscountInput | null): void;
  select(lineId: string | null): void;
  clear(): void;
  /** Puts parked lines back as the cart (the cart must be empty), with its order discount and voids. */
  restore(lines: readonly CartLine[], extra?: { orderDiscount?: DiscountInput | null; voids?: VoidedLine[]; customer?: Person | null }): void;
  notify(notice: Notice | null): void;
  startPayment(): void;
  cancelPayment(): void;
  completed(sale: Sale): void;
}

/**
 * Why a line of `quantity` cannot be sold at this store, in the words the server refuses it with, or
 * null. Checked as the cashier types or scans, so a line never grows past the store's limit unseen.
 */
export function lineLimitProblem(quantity: Dec, store: Pick<Store, 'limits' | 'code'> | undefined): string | null {
  return store ? lineQuantityProblem(quantity, store) : null;
}

let nextLine = 0;

/** The weight a scale label's line was rung up with, before any override. */
export function labelWeight(line: Pick<CartLine, 'quantity' | 'weightOverride'>): string {
  return line.weightOverride?.was ?? line.quantity;
}

function withField<K extends 'discount' | 'priceOverride' | 'weightOverride'>(line: CartLine, field: K, value: CartLine[K] | undefined): CartLine {
  const copy: CartLine = { ...line };
  if (value === undefined) delete copy[field];
  else copy[field] = value;
  return copy;
}

export const useCart = create<CartState>((set, get) => ({
  lines: [],
  selectedLineId: null,
  notice: null,
  paying: false,
  lastSale: null,
  orderDiscount: null,
  voids: [],
  customer: null,
  setCustomer(customer) {
    set({ customer });
  },
  add(product, quantity = '1', weighing) {
    const existing = weighing ? undefined : get().lines.find((line) => line.productId === product.id && !line.weighing);
    if (existing) {
      const raised = { ...existing, quantity: dec(existing.quantity).plus(dec(quantity)).toFixed() };
      set({ lines: get().lines.map((line) => (line === existing ? raised : line)), selectedLineId: existing.lineId });
      return raised;
    }
    const line: CartLine = { lineId: `line-${++nextLine}`, productId: product.id, quantity, ...(weighing ? { weighing } : {}) };
    set({ lines: [...get().lines, line], selectedLineId: line.lineId });
    return line;
  },
  setQuantity(lineId, quantity) {
    const line = get().lines.find((candidate) => candidate.lineId === lineId);
    if (line?.weighing === 'scale') throw new Error(`line ${lineId} charges a scale label's weight: change it with Change weight and a manager's approval`);
    set({ lines: get().lines.map((candidate) => (candidate === line ? { ...candidate, quantity } : candidate)) });
  },
  overrideWeight(lineId, weight, change) {
    const line = get().lines.find((candidate) => candidate.lineId === lineId);
    if (line?.weighing !== 'scale') throw new Error(`line ${lineId} has no scale label's weight to change`);
    const was = labelWeight(line);
    let changed: CartLine;
    if (dec(weight).eq(dec(was))) {
      changed = { ...withField(line, 'weightOverride', undefined), quantity: was };
    } else {
      if (!change) throw new Error(`${weight} kg instead of the label's ${was} kg needs a reason and a manager's approval`);
      changed = { ...line, quantity: weight, weightOverride: { was, ...change } };
    }
    set({ lines: get().lines.map((candidate) => (candidate === line ? changed : candidate)) });
  },
  remove(lineId, voided) {
    const lines = get().lines.filter((line) => line.lineId !== lineId);
    set({ lines, selectedLineId: lines.at(-1)?.lineId ?? null, voids: voided ? [...get().voids, voided] : get().voids, orderDiscount: lines.length === 0 ? null : get().orderDiscount });
  },
  setDiscount(lineId, discount) {
    set({ lines: get().lines.map((line) => (line.lineId === lineId ? withField(line, 'discount', discount) : line)) });
  },
  setPriceOverride(lineId, override) {
    set({ lines: get().lines.map((line) => (line.lineId === lineId ? withField(line, 'priceOverride', override) : line)) });
  },
  setOrderDiscount(orderDiscount) {
    set({ orderDiscount });
  },
  select(lineId) {
    set({ selectedLineId: lineId });
  },
  clear() {
    set({ lines: [], selectedLineId: null, paying: false, orderDiscount: null, voids: [], customer: null });
  },
  restore(lines, extra = {}) {
    const restored = lines.map((line) => ({ ...line, lineId: `line-${++nextLine}` }));
    set({ lines: restored, selectedLineId: restored.at(-1)?.lineId ?? null, paying: false, lastSale: null, orderDiscount: extra.orderDiscount ?? null, voids: extra.voids ?? [], customer: extra.customer ?? null });
  },
  notify(notice) {
    set({ notice });
  },
  startPayment() {
    if (get().lines.length > 0) set({ paying: true });
  },
  cancelPayment() {
    set({ paying: false });
  },
  completed(sale) {
    set({ lines: [], selectedLineId: null, paying: false, lastSale: sale, notice: null, orderDiscount: null, voids: [], customer: null });
  },
}));

import { create } from 'zustand';
import { dec, lineQuantityProblem, type Dec, type DiscountInput, type Person, type PriceOverrideInput, type Product, type Sale, type Store, type VoidedLine } from '../../../shared/src/index.js';

export interface CartLine {
  lineId: string;
  productId: string;
  quantity: string;
  /** A price other than the shelf's, approved by a manager. */
  priceOverride?: PriceOverrideInput;
  discount?: DiscountInput;
}

export interface Notice {
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** A completed sale or return the notice is about: the notice offers to print its receipt. */
  receipt?: Sale;
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
   * raised, unless `separate` (a scale label is its own line, priced as its label says).
   */
  add(product: Product, quantity?: string, separate?: boolean): CartLine;
  setQuantity(lineId: string, quantity: string): void;
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

function withField<K extends 'discount' | 'priceOverride'>(line: CartLine, field: K, value: CartLine[K] | undefined): CartLine {
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
  add(product, quantity = '1', separate = false) {
    const existing = separate ? undefined : get().lines.find((line) => line.productId === product.id);
    if (existing) {
      const raised = { ...existing, quantity: dec(existing.quantity).plus(dec(quantity)).toFixed() };
      set({ lines: get().lines.map((line) => (line === existing ? raised : line)), selectedLineId: existing.lineId });
      return raised;
    }
    const line = { lineId: `line-${++nextLine}`, productId: product.id, quantity };
    set({ lines: [...get().lines, line], selectedLineId: line.lineId });
    return line;
  },
  setQuantity(lineId, quantity) {
    set({ lines: get().lines.map((line) => (line.lineId === lineId ? { ...line, quantity } : line)) });
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

/*
 * Purchase orders: what a store orders from one supplier, in the supplier's packs at its cost per
 * pack. A draft is changed freely; sent, it is what the supplier was asked for, and what is on order
 * for the store is what sent orders still await. Checked the same way by the server and the office app.
 */
import { dec, isDecimalString } from '../money.js';
import { fieldsOf, unknownFields } from '../validate.js';
import type { SupplierProduct } from './supplier.js';

export const PURCHASE_ORDER_STATES = ['draft', 'sent', 'partly-received', 'received', 'cancelled'] as const;
export type PurchaseOrderState = (typeof PURCHASE_ORDER_STATES)[number];

export interface PurchaseOrderLine {
  productId: string;
  sku: string;
  name: string;
  /** The product's unit: a pack holds `packSize` of it. */
  unit: string;
  supplierSku: string;
  packSize: string;
  /** Whole packs ordered. */
  packs: string;
  /** Cost per pack, in the supplier's currency, before tax. */
  packCost: string;
  /** What arrived so far, in the product's unit (receiving counts it). */
  received: string;
}

export interface PurchaseOrder {
  id: string;
  /** "PO-000042": what the supplier's delivery note quotes. */
  number: string;
  storeId: string;
  supplierId: string;
  supplierName: string;
  currency: string;
  state: PurchaseOrderState;
  lines: PurchaseOrderLine[];
  note?: string;
  createdAt: string;
  createdBy: string;
  sentAt?: string;
  /** Sent at plus the supplier's lead time: when the delivery is due. */
  expectedAt?: string;
  cancelledAt?: string;
  /** A partly received order closed by hand: what it still lacked is no longer awaited. */
  closedAt?: string;
  updatedAt: string;
}

/** A line as head office types it: a product of the supplier, how many packs, and (optionally) another cost per pack. */
export interface PurchaseOrderLineInput {
  productId: string;
  packs: string;
  packCost?: string;
}

const MAX_LINES = 2000;
const MAX_PACKS = 100_000;

/** Whether an order still awaits goods: what it lacks is on order for its store. */
export function isOpenOrder(order: Pick<PurchaseOrder, 'state'>): boolean {
  return order.state === 'sent' || order.state === 'partly-received';
}

/** What a line still awaits, in the product's unit: ordered (packs × pack size) less received, never below zero. */
export function outstanding(line: Pick<PurchaseOrderLine, 'packs' | 'packSize' | 'received'>): string {
  const left = dec(line.packs).mul(dec(line.packSize)).minus(dec(line.received));
  return left.isNegative() ? '0' : left.toFixed();
}

/** The order's total in the supplier's currency: Σ packs × cost per pack, to the cent. */
export function orderTotal(order: Pick<PurchaseOrder, 'lines'>): string {
  return order.lines.reduce((total, line) => total.plus(dec(line.packs).mul(dec(line.packCost))), dec('0')).toDecimalPlaces(2, 4).toFixed(2);
}

/**
 * The lines of an order as typed, made from what the supplier supplies (`supplied`, by product id,
 * with each product's SKU, name and unit), or the problems, each led by the line it is about.
 */
export function checkOrderLines(
  input: unknown,
  supplierName: string,
  supplied: ReadonlyMap<string, SupplierProduct & { sku: string; name: string; unit: string }>,
): { lines: PurchaseOrderLine[]; problems: string[] } {
  const problems: string[] = [];
  const lines: PurchaseOrderLine[] = [];
  if (!Array.isArray(input)) return { lines, problems: ['lines: a list of lines, each with a productId and a number of packs'] };
  if (input.length > MAX_LINES) problems.push(`lines: at most ${MAX_LINES}`);
  const seen = new Set<string>();
  input.forEach((given, index) => {
    const fields = fieldsOf(given);
    const place = `lines[${index}]`;
    problems.push(...unknownFields(fields, ['productId', 'packs', 'packCost']).map((problem) => `${place}: ${problem}`));
    const productId = typeof fields.productId === 'string' ? fields.productId : '';
    const link = supplied.get(productId);
    if (!link) {
      problems.push(`${place}.productId: ${supplierName} does not supply "${productId}"; add it to the supplier first`);
      return;
    }
    if (seen.has(productId)) problems.push(`${place}.productId: ${link.sku} is on the order twice`);
    seen.add(productId);
    const packs = typeof fields.packs === 'string' ? fields.packs.trim() : typeof fields.packs === 'number' ? String(fields.packs) : '';
    if (!/^\d+$/.test(packs) || Number(packs) < 1 || Number(packs) > MAX_PACKS) problems.push(`${place}.packs: whole packs of ${link.sku}, 1 to ${MAX_PACKS.toLocaleString('en')}`);
    let packCost = link.packCost;
    if (fields.packCost !== undefined && fields.packCost !== null && fields.packCost !== '') {
      const cost = typeof fields.packCost === 'string' ? fields.packCost.trim() : '';
      if (!isDecimalString(cost) || dec(cost).isNegative() || dec(cost).decimalPlaces() > 4) problems.push(`${place}.packCost: the cost of one pack of ${link.sku}, at most 4 decimals`);
      else packCost = cost;
    }
    lines.push({ productId, sku: link.sku, name: link.name, unit: link.unit, supplierSku: link.supplierSku, packSize: link.packSize, packs: String(Number(packs) || 0), packCost, received: '0' });
  });
  if (input.length === 0) problems.push('lines: an order has at least one line');
  return { lines, problems };
}

/** The order's lines as CSV for the supplier: its SKU first, then ours, packs and costs. */
export function purchaseOrderCsvRows(order: PurchaseOrder): string[][] {
  return [
    ['supplierSku', 'sku', 'name', 'packs', 'packSize', 'unit', 'packCost', 'lineTotal', 'currency'],
    ...order.lines.map((line) => [line.supplierSku, line.sku, line.name, line.packs, line.packSize, line.unit, line.packCost, dec(line.packs).mul(dec(line.packCost)).toDecimalPlaces(2, 4).toFixed(2), order.currency]),
  ];
}

/*
 * Suppliers and what each supplies: head office's purchasing master data, checked the same way by
 * the server (which refuses) and the office app (which shows each problem beside its field). They
 * live on the server alone; no till holds them.
 */
import { dec, isDecimalString } from '../money.js';
import { unknownFields } from '../validate.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface SupplierContact {
  person?: string;
  email?: string;
  phone?: string;
  address?: string;
}

/** What head office types for a supplier; the id, `active` and `updatedAt` are the server's. */
export interface SupplierFields {
  name: string;
  contact: SupplierContact;
  /** ISO 4217: what the supplier bills in; costs on its orders are in it. */
  currency: string;
  /** Days from sending an order to its delivery. */
  leadTimeDays: number;
  /** The weekdays the supplier takes orders; none: any day. */
  orderDays: Weekday[];
  /** The smallest order the supplier takes, in its currency; none when left out. */
  minimumOrder?: string;
}

export interface Supplier extends SupplierFields {
  id: string;
  active: boolean;
  updatedAt: string;
}

/** A product a supplier supplies: in its packs, under its own SKU, at its cost per pack. */
export interface SupplierProductFields {
  productId: string;
  /** The supplier's own code for it, as its invoices and order forms say. */
  supplierSku: string;
  /** How many of the product's unit one pack holds: a case of 12, a sack of 25 kg. */
  packSize: string;
  /** What one pack costs, before tax, in the supplier's currency. */
  packCost: string;
  /** The supplier reorder suggestions order from: one per product. */
  preferred: boolean;
}

export interface SupplierProduct extends SupplierProductFields {
  /** `<supplier id>:<product id>`: a supplier supplies a product once. */
  id: string;
  supplierId: string;
  updatedAt: string;
}

/** A product a supplier supplies, as head office lists it: with the product's SKU, name and unit, and the supplier's name and currency. */
export interface SupplierProductView extends SupplierProduct {
  sku: string;
  name: string;
  unit: string;
  supplierName: string;
  currency: string;
}

export function supplierProductId(supplierId: string, productId: string): string {
  return `${supplierId}:${productId}`;
}

export const SUPPLIER_FIELDS: readonly (keyof SupplierFields)[] = ['name', 'contact', 'currency', 'leadTimeDays', 'orderDays', 'minimumOrder'];
const CONTACT_FIELDS: readonly (keyof SupplierContact)[] = ['person', 'email', 'phone', 'address'];
const COST_DECIMALS = 4;

/** Why `value` is no amount of money with at most `decimals` places (0 or more), or null. */
function amountProblem(field: string, value: unknown, decimals: number, what: string): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!isDecimalString(text) || dec(text).isNegative()) return `${field}: ${what}, a number such as "12.50"`;
  if (dec(text).decimalPlaces() > decimals) return `${field}: at most ${decimals} decimals`;
  if (dec(text).greaterThan(1_000_000_000)) return `${field}: at most 1,000,000,000`;
  return null;
}

/**
 * A supplier's fields as typed, trimmed, or the problems with them, each led by the field it is
 * about ("currency: ...").
 */
export function checkSupplierFields(input: unknown): { fields: SupplierFields; problems: string[] } {
  const given = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const problems = unknownFields(given, SUPPLIER_FIELDS);
  const name = typeof given.name === 'string' ? given.name.trim() : '';
  if (!name || name.length > 200) problems.push('name: 1 to 200 characters');
  const contact: SupplierContact = {};
  const contactGiven = given.contact ?? {};
  if (typeof contactGiven !== 'object' || contactGiven === null || Array.isArray(contactGiven)) problems.push('contact: a person, an e-mail, a phone and an address, each optional');
  else {
    for (const [key, value] of Object.entries(contactGiven)) {
      if (!CONTACT_FIELDS.includes(key as keyof SupplierContact)) problems.push(`contact: unknown field "${key}"`);
      else if (value !== undefined && value !== null && value !== '') {
        if (typeof value !== 'string' || value.trim().length > 300) problems.push(`contact.${key}: at most 300 characters`);
        else if (value.trim()) contact[key as keyof SupplierContact] = value.trim();
      }
    }
    if (contact.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email)) problems.push('contact.email: an e-mail address such as orders@dairy.example');
  }
  const currency = typeof given.currency === 'string' ? given.currency.trim().toUpperCase() : '';
  const currencyKnown = /^[A-Z]{3}$/.test(currency);
  if (!currencyKnown) problems.push('currency: the three letters of a currency, such as EUR');
  const leadTimeDays = typeof given.leadTimeDays === 'string' && /^\d+$/.test(given.leadTimeDays.trim()) ? Number(given.leadTimeDays) : given.leadTimeDays;
  if (!Number.isInteger(leadTimeDays) || (leadTimeDays as number) < 0 || (leadTimeDays as number) > 365) problems.push('leadTimeDays: whole days from order to delivery, 0 to 365');
  const orderDays: Weekday[] = [];
  if (given.orderDays !== undefined && given.orderDays !== null) {
    if (!Array.isArray(given.orderDays)) problems.push(`orderDays: a list of weekdays (${WEEKDAYS.join(', ')})`);
    else
      for (const day of given.orderDays) {
        if (!WEEKDAYS.includes(day as Weekday)) problems.push(`orderDays: "${String(day)}" is not one of ${WEEKDAYS.join(', ')}`);
        else if (!orderDays.includes(day as Weekday)) orderDays.push(day as Weekday);
      }
  }
  orderDays.sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  let minimumOrder: string | undefined;
  if (given.minimumOrder !== undefined && given.minimumOrder !== null && given.minimumOrder !== '') {
    const problem = amountProblem('minimumOrder', given.minimumOrder, 2, `the smallest order in ${currencyKnown ? currency : 'its currency'}`);
    if (problem) problems.push(problem);
    else minimumOrder = dec((given.minimumOrder as string).trim()).toFixed(2);
  }
  return {
    fields: { name, contact, currency, leadTimeDays: leadTimeDays as number, orderDays, ...(minimumOrder === undefined ? {} : { minimumOrder }) },
    problems,
  };
}

/**
 * What a supplier supplies of one product, as typed, or the problems with it. `productUnit` is the
 * product's: a pack of pieces holds a whole number of them; of goods measured, up to 3 decimals.
 */
export function checkSupplierProductFields(input: unknown, productUnit: string | undefined): { fields: SupplierProductFields; problems: string[] } {
  const given = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const problems = unknownFields(given, ['productId', 'supplierSku', 'packSize', 'packCost', 'preferred']);
  const productId = typeof given.productId === 'string' ? given.productId.trim() : '';
  if (!productId) problems.push('productId: the product supplied');
  else if (productUnit === undefined) problems.push(`productId: no product "${productId}"`);
  const supplierSku = typeof given.supplierSku === 'string' ? given.supplierSku.trim() : '';
  if (supplierSku.length > 64) problems.push('supplierSku: at most 64 characters');
  const packSize = typeof given.packSize === 'string' ? given.packSize.trim() : typeof given.packSize === 'number' ? String(given.packSize) : '';
  if (!isDecimalString(packSize) || !dec(packSize).greaterThan(0) || dec(packSize).greaterThan(100_000)) problems.push('packSize: how many one pack holds, more than 0, such as 12');
  else if (productUnit === 'piece' && !dec(packSize).isInteger()) problems.push('packSize: a pack of pieces holds a whole number of them');
  else if (dec(packSize).decimalPlaces() > 3) problems.push('packSize: at most 3 decimals');
  const costProblem = amountProblem('packCost', given.packCost, COST_DECIMALS, 'what one pack costs before tax');
  if (costProblem) problems.push(costProblem);
  if (given.preferred !== undefined && typeof given.preferred !== 'boolean') problems.push('preferred: true or false');
  return {
    fields: {
      productId,
      supplierSku,
      packSize: isDecimalString(packSize) ? dec(packSize).toFixed() : packSize,
      packCost: typeof given.packCost === 'string' ? given.packCost.trim() : '',
      preferred: given.preferred === true,
    },
    problems,
  };
}

/*
 * The catalogue's rules: what a product head office adds or changes must be, checked the same way by
 * the server (which refuses) and the office app (which shows the problem beside its field).
 */
import { dec, isDecimalString } from './money.js';
import { fieldsOf } from './validate.js';
import { isMeasured, soldBy } from './quantity.js';
import { productSchema, type Product, type TaxClass } from './schemas/index.js';

/** The units a product is sold in (the product schema's enum): by the piece, or measured in kg, g, l or m. */
export const PRODUCT_UNITS = productSchema.properties.unit.enum;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

/** A pack the product also comes in: a case of 12, with the case's own barcode. */
export interface ProductPack {
  name: string;
  barcode: string;
  /** How many of the product the pack holds: a whole number of at least 2. */
  quantity: string;
}

/** What head office types for a new product; the id, `active` and `updatedAt` are the server's. */
export interface ProductFields {
  sku: string;
  name: string;
  barcodes: string[];
  unit: ProductUnit;
  taxClass: string;
  price: string;
  cost: string;
  /** Packs with barcodes of their own; none when left out. */
  packs?: ProductPack[];
  /** A path in the catalogue's tree, "Dairy/Milk"; none when left out. */
  category?: string;
  brand?: string;
  /** What one piece holds, for the unit price on shelf labels. */
  content?: { quantity: string; unit: 'kg' | 'l' };
}

export const PRODUCT_FIELDS: readonly (keyof ProductFields)[] = ['sku', 'name', 'barcodes', 'unit', 'taxClass', 'price', 'cost', 'packs', 'category', 'brand', 'content'];
/** How deep the tree of categories goes. */
const CATEGORY_LEVELS = 5;
const MAX_PACKS = 8;

/** The places a price may have; a cost may be finer (bought by the thousand). */
const PRICE_DECIMALS = 2;
const COST_DECIMALS = 4;
const MAX_BARCODES = 16;

/**
 * The check digit of a GTIN (EAN-8, UPC-A, EAN-13 or GTIN-14) from the digits before it: from the
 * right, weights 3 and 1 alternate.
 */
export function gtinCheckDigit(digits: string): string {
  let total = 0;
  for (let index = 0; index < digits.length; index++) {
    const fromRight = digits.length - index;
    total += Number(digits[index]) * (fromRight % 2 === 1 ? 3 : 1);
  }
  return String((10 - (total % 10)) % 10);
}

/** The kind of GTIN a code of digits is by its length; other codes are the shop's own. */
export function gtinKind(code: string): 'EAN-8' | 'UPC-A' | 'EAN-13' | 'GTIN-14' | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return ({ 8: 'EAN-8', 12: 'UPC-A', 13: 'EAN-13', 14: 'GTIN-14' } as const)[code.length as 8 | 12 | 13 | 14];
}

/**
 * What is wrong with one barcode, or null. Codes of 8, 12, 13 or 14 digits are GTINs and must end in
 * their check digit (a misread or mistyped digit is caught here, not at the till); any other code of
 * letters, digits and `-._/` is the shop's own.
 */
export function barcodeProblem(code: string): string | null {
  if (code.length === 0) return 'a barcode is empty';
  if (code.length > 32) return `barcode "${code.slice(0, 32)}…" is longer than 32 characters`;
  if (!/^[A-Za-z0-9\-._/]+$/.test(code)) return `barcode "${code}" has characters a scanner does not send (letters, digits and - . _ / only)`;
  const kind = gtinKind(code);
  if (kind && gtinCheckDigit(code.slice(0, -1)) !== code.at(-1)) {
    return `barcode ${code} is not a valid ${kind}: its check digit should be ${gtinCheckDigit(code.slice(0, -1))}`;
  }
  return null;
}

/**
 * The key two barcodes are the same product by: a GTIN as its 14 digits (a UPC-A and the EAN-13 with
 * a leading 0 are one code), any other code as it is.
 */
export function barcodeKey(code: string): string {
  return gtinKind(code) ? code.padStart(14, '0') : code;
}

/** The key SKUs are unique by: "abc-1" and "ABC-1 " are one SKU. */
export function skuKey(sku: string): string {
  return sku.trim().toLowerCase();
}

function amountProblem(field: 'price' | 'cost', value: unknown, decimals: number): string | null {
  if (!isDecimalString(value)) return `${field}: not an amount like "4.99"`;
  if (dec(value).isNegative()) return `${field}: must not be negative`;
  if (dec(value).decimalPlaces() > decimals) return `${field}: at most ${decimals} decimal places`;
  if (dec(value).greaterThan('99999999')) return `${field}: more than 99,999,999`;
  return null;
}

/**
 * A product's fields as they will be stored (trimmed; barcodes without duplicates) and what is wrong
 * with them on their own, each problem starting with its field's name. `taxClasses` are the codes a
 * store of the chain has.
 */
export function checkProductFields(fields: Record<string, unknown>, taxClasses: ReadonlySet<string>): { fields: ProductFields; problems: string[] } {
  const problems: string[] = [];
  for (const name of Object.keys(fields)) if (!(PRODUCT_FIELDS as readonly string[]).includes(name)) problems.push(`${name}: not a field of a product`);
  const text = (name: 'sku' | 'name' | 'taxClass', most: number): string => {
    const value = fields[name];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${name}: required`);
      return '';
    }
    if (value.trim().length > most) problems.push(`${name}: at most ${most} characters`);
    return value.trim();
  };
  const sku = text('sku', 64);
  if (/\s/.test(sku)) problems.push('sku: no spaces');
  const name = text('name', 200);
  const taxClass = text('taxClass', 32);
  if (taxClass && !taxClasses.has(taxClass)) problems.push(`taxClass: no store has a tax class "${taxClass}" (there are: ${[...taxClasses].sort().join(', ') || 'none'})`);
  const unit = fields.unit;
  if (!PRODUCT_UNITS.includes(unit as ProductUnit)) problems.push(`unit: one of ${PRODUCT_UNITS.join(', ')}`);
  let barcodes: string[] = [];
  if (!Array.isArray(fields.barcodes) || fields.barcodes.some((code) => typeof code !== 'string')) {
    problems.push('barcodes: a list of codes');
  } else {
    barcodes = [...new Set((fields.barcodes as string[]).map((code) => code.trim()).filter((code) => code !== ''))];
    if (barcodes.length > MAX_BARCODES) problems.push(`barcodes: at most ${MAX_BARCODES}`);
    for (const code of barcodes) {
      const problem = barcodeProblem(code);
      if (problem) problems.push(`barcodes: ${problem}`);
    }
    const keys = barcodes.map(barcodeKey);
    const twice = barcodes.filter((_, index) => keys.indexOf(keys[index]) !== index);
    if (twice.length > 0) problems.push(`barcodes: ${twice.join(', ')} ${twice.length === 1 ? 'is' : 'are'} the same code as another of this product's`);
  }
  const packs: ProductPack[] = [];
  if (fields.packs !== undefined) {
    if (!Array.isArray(fields.packs)) problems.push('packs: a list of packs, each with a name, a barcode and a quantity');
    else {
      if (fields.packs.length > MAX_PACKS) problems.push(`packs: at most ${MAX_PACKS}`);
      (fields.packs as unknown[]).forEach((given, index) => {
        const pack = (given && typeof given === 'object' ? given : {}) as Record<string, unknown>;
        const place = `packs[${index}]`;
        const name = typeof pack.name === 'string' ? pack.name.trim() : '';
        const barcode = typeof pack.barcode === 'string' ? pack.barcode.trim() : '';
        const quantity = typeof pack.quantity === 'string' ? pack.quantity.trim() : String(pack.quantity ?? '');
        if (!name || name.length > 32) problems.push(`${place}.name: a name of 1 to 32 characters, such as "case"`);
        const problem = barcodeProblem(barcode);
        if (problem) problems.push(`${place}.barcode: ${problem}`);
        if (!/^\d+$/.test(quantity) || Number(quantity) < 2 || Number(quantity) > 10_000) problems.push(`${place}.quantity: how many the pack holds, a whole number from 2 to 10,000`);
        else if (PRODUCT_UNITS.includes(unit as ProductUnit) && isMeasured(unit as ProductUnit)) problems.push(`${place}: a product sold ${soldBy(unit as ProductUnit)} comes in no packs`);
        packs.push({ name, barcode, quantity: quantity.replace(/^0+/, '') });
      });
    }
  }
  // A pack's barcode is a code of this product like the others: no two of them the same.
  const codes = [...barcodes, ...packs.map((pack) => pack.barcode).filter(Boolean)];
  const codeKeys = codes.map(barcodeKey);
  const repeated = codes.filter((_, index) => index >= barcodes.length && codeKeys.indexOf(codeKeys[index]) !== index);
  if (repeated.length > 0) problems.push(`packs: ${repeated.join(', ')} ${repeated.length === 1 ? 'is' : 'are'} the same code as another of this product's`);
  let category: string | undefined;
  if (fields.category !== undefined && fields.category !== null && fields.category !== '') {
    if (typeof fields.category !== 'string') problems.push('category: a path such as "Dairy/Milk"');
    else {
      const levels = fields.category.split('/').map((level) => level.trim());
      if (levels.some((level) => level === '')) problems.push('category: no empty level between slashes ("Dairy/Milk")');
      else if (levels.length > CATEGORY_LEVELS) problems.push(`category: at most ${CATEGORY_LEVELS} levels`);
      else if (levels.join('/').length > 200) problems.push('category: at most 200 characters');
      else category = levels.join('/');
    }
  }
  let brand: string | undefined;
  if (fields.brand !== undefined && fields.brand !== null && fields.brand !== '') {
    if (typeof fields.brand !== 'string' || fields.brand.trim().length > 100) problems.push('brand: at most 100 characters');
    else brand = fields.brand.trim() || undefined;
  }
  let content: ProductFields['content'];
  if (fields.content !== undefined && fields.content !== null) {
    const given = (typeof fields.content === 'object' ? fields.content : {}) as { quantity?: unknown; unit?: unknown };
    const quantity = typeof given.quantity === 'string' ? given.quantity.trim().replace(',', '.') : '';
    if (!isDecimalString(quantity) || !dec(quantity).greaterThan(0) || dec(quantity).greaterThan(10_000)) problems.push('content.quantity: what one piece holds, more than 0, such as 0.5');
    else if (given.unit !== 'kg' && given.unit !== 'l') problems.push('content.unit: kg or l');
    else if (PRODUCT_UNITS.includes(unit as ProductUnit) && isMeasured(unit as ProductUnit)) problems.push(`content: a product sold ${soldBy(unit as ProductUnit)} is priced per ${unit} already`);
    else content = { quantity: toPlainQuantity(quantity), unit: given.unit };
  }
  const priceProblem = amountProblem('price', fields.price, PRICE_DECIMALS);
  if (priceProblem) problems.push(priceProblem);
  const costProblem = amountProblem('cost', fields.cost, COST_DECIMALS);
  if (costProblem) problems.push(costProblem);
  return {
    fields: {
      sku,
      name,
      barcodes,
      unit: unit as ProductUnit,
      taxClass,
      price: String(fields.price ?? ''),
      cost: String(fields.cost ?? ''),
      ...(packs.length > 0 ? { packs } : {}),
      ...(category ? { category } : {}),
      ...(brand ? { brand } : {}),
      ...(content ? { content } : {}),
    },
    problems,
  };
}

/** How a product is named in a message: "Milk 1 l (SKU MILK-1)". */
export function productLabel(product: Pick<Product, 'name' | 'sku'>): string {
  return `${product.name} (SKU ${product.sku})`;
}

/**
 * What another product already holds of these fields: its SKU or one of its barcodes. `others` are
 * the products that share a SKU key or barcode key with them (the server looks those up).
 */
export function clashProblems(productId: string | undefined, fields: Pick<ProductFields, 'sku' | 'barcodes' | 'packs'>, others: readonly Product[]): string[] {
  const problems: string[] = [];
  for (const other of others) {
    if (other.id === productId) continue;
    if (skuKey(other.sku) === skuKey(fields.sku)) problems.push(`sku: ${fields.sku} is already the SKU of ${productLabel(other)}`);
    const theirs = new Set(productCodes(other).map(barcodeKey));
    for (const code of fields.barcodes) if (theirs.has(barcodeKey(code))) problems.push(`barcodes: ${code} is already on ${productLabel(other)}`);
    (fields.packs ?? []).forEach((pack, index) => {
      if (theirs.has(barcodeKey(pack.barcode))) problems.push(`packs[${index}].barcode: ${pack.barcode} is already on ${productLabel(other)}`);
    });
  }
  return problems;
}

/** Every code that rings a product up: its own barcodes and its packs'. */
export function productCodes(product: Pick<Product, 'barcodes' | 'packs'>): string[] {
  return [...product.barcodes, ...(product.packs ?? []).map((pack) => pack.barcode)];
}

/** The fields a change alters, with their values before and after (what a conflict shows). */
export function changedFields(before: ProductFields, after: ProductFields): (keyof ProductFields)[] {
  return PRODUCT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** A product's editable fields, as ProductFields. */
export function productFields(product: Product): ProductFields {
  return {
    sku: product.sku,
    name: product.name,
    barcodes: [...product.barcodes],
    unit: product.unit,
    taxClass: product.taxClass,
    price: product.price,
    cost: product.cost,
    ...(product.packs?.length ? { packs: product.packs.map((pack) => ({ ...pack })) } : {}),
    ...(product.category ? { category: product.category } : {}),
    ...(product.brand ? { brand: product.brand } : {}),
    ...(product.content ? { content: { ...product.content } } : {}),
  };
}

/** A decimal in its shortest exact form: "0.50" is "0.5", "1.0" is "1". */
function toPlainQuantity(value: string): string {
  return dec(value).toFixed();
}

/** A product's price change as the catalogue keeps it (see the product schema's priceChanges). */
export type PriceChange = NonNullable<Product['priceChanges']>[number];

/**
 * What a product costs in a store at a time: the store's own price if a change for the store in
 * force then sets one, else the chain's latest change in force, else the product's `price`. A
 * change is in force from its `from` on; of two from the same moment the later made counts.
 */
export function effectivePrice(product: Pick<Product, 'price' | 'priceChanges'>, storeId: string, at: Date | string | number): string {
  const changes = product.priceChanges;
  if (!changes || changes.length === 0) return product.price;
  const time = new Date(at).getTime();
  let chain: PriceChange | undefined;
  let store: PriceChange | undefined;
  for (const change of changes) {
    if (Date.parse(change.from) > time) continue;
    if (change.storeId === null) {
      if (!chain || !later(chain, change)) chain = change;
    } else if (change.storeId === storeId && (!store || !later(store, change))) {
      store = change;
    }
  }
  if (store && store.price !== null) return store.price;
  return chain?.price ?? product.price;
}

/** Whether `a` takes precedence over `b`: from later, or from the same moment and made later. */
function later(a: PriceChange, b: PriceChange): boolean {
  const fromA = Date.parse(a.from);
  const fromB = Date.parse(b.from);
  return fromA !== fromB ? fromA > fromB : Date.parse(a.at) > Date.parse(b.at);
}

/** The first moment after `after` at which a product's price may change (a scheduled change's `from`), if any. */
export function nextPriceChangeAt(product: Pick<Product, 'priceChanges'>, after: Date | string | number): number | undefined {
  const time = new Date(after).getTime();
  let next: number | undefined;
  for (const change of product.priceChanges ?? []) {
    const from = Date.parse(change.from);
    if (from > time && (next === undefined || from < next)) next = from;
  }
  return next;
}

/** What head office sends to change a price: from when, for which store (null: the chain), and the price (null: back to the chain's). */
export interface PriceChangeInput {
  from: string;
  storeId: string | null;
  price: string | null;
}

/** A price change as it will be kept (made `at`), or its problems by field. `storeIds` are the chain's stores. */
export function checkPriceChange(input: unknown, storeIds: ReadonlySet<string>, at: string): { change: PriceChange; problems: string[] } {
  const fields = fieldsOf(input);
  const problems: string[] = [];
  for (const name of Object.keys(fields)) if (!['from', 'storeId', 'price'].includes(name)) problems.push(`${name}: not a field of a price change`);
  const from = typeof fields.from === 'string' ? new Date(fields.from) : undefined;
  if (!from || Number.isNaN(from.getTime())) problems.push('from: a date and time, such as 2026-12-24T06:00:00Z');
  const storeId = fields.storeId ?? null;
  if (storeId !== null && (typeof storeId !== 'string' || !storeIds.has(storeId))) problems.push(`storeId: no store "${String(storeId)}"`);
  const price = fields.price ?? null;
  if (price === null) {
    if (storeId === null) problems.push('price: required for the chain’s price (only a store’s change may end its own price)');
  } else {
    const problem = amountProblem('price', price, PRICE_DECIMALS);
    if (problem) problems.push(problem);
  }
  return { change: { from: from && !Number.isNaN(from.getTime()) ? from.toISOString() : '', storeId: storeId as string | null, price: price as string | null, at }, problems };
}

/**
 * The catalogue's CSV columns, in the order the export writes them; barcodes are separated by
 * spaces, packs by | and written name:quantity:barcode ("case:12:10012345678902").
 */
export const CATALOGUE_CSV_COLUMNS = ['sku', 'name', 'barcodes', 'unit', 'taxClass', 'price', 'cost', 'active', 'packs', 'category', 'brand', 'content'] as const;
/**
 * Columns a file must have; `barcodes`, `active` (yes or no; empty: yes) may be left out, and so may
 * `packs`, `category`, `brand` and `content` ("0.5 kg", "1 l"), which a file without them leaves as they are.
 */
export const CATALOGUE_CSV_REQUIRED: readonly string[] = ['sku', 'name', 'unit', 'taxClass', 'price', 'cost'];

/** The catalogue as CSV: a header, then a row per product, withdrawn ones too (active "no"). */
export function catalogueCsvRows(products: readonly Product[], at: Date | string | number): string[][] {
  return [
    [...CATALOGUE_CSV_COLUMNS],
    ...products.map((product) => [
      product.sku,
      product.name,
      product.barcodes.join(' '),
      product.unit,
      product.taxClass,
      // The chain's price in force now: importing the file again changes nothing.
      effectivePrice(product, '', at),
      product.cost,
      product.active ? 'yes' : 'no',
      (product.packs ?? []).map((pack) => `${pack.name}:${pack.quantity}:${pack.barcode}`).join('|'),
      product.category ?? '',
      product.brand ?? '',
      product.content ? `${product.content.quantity} ${product.content.unit}` : '',
    ]),
  ];
}

/** One row of an import as the report shows it: its line in the file, its SKU, and what it would do or why it cannot. */
export interface CatalogueImportRow {
  line: number;
  sku: string;
  action: 'add' | 'change' | 'same' | 'refused';
  /** Each problem names its field: "barcodes: barcode 4006381333932 is not a valid EAN-13: …". */
  problems: string[];
}

/**
 * What an import found and did: the rows refused (all of them), the rows it adds or changes (the
 * first 1,000), the counts, and whether anything was stored.
 */
export interface CatalogueImportReport {
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  refused: number;
  /** none: a preview; valid: the valid rows were stored; all: every row was, or nothing. */
  apply: 'none' | 'valid' | 'all';
  applied: boolean;
  refusedRows: CatalogueImportRow[];
  changes: CatalogueImportRow[];
}

/** A tax class's rate at a time: the latest of its dated rates in force then, else its first rate. */
export function effectiveTaxRate(taxClass: Pick<TaxClass, 'ratePercent' | 'rates'>, at: Date | string | number): string {
  const time = new Date(at).getTime();
  let rate = taxClass.ratePercent;
  let since = Number.NEGATIVE_INFINITY;
  for (const change of taxClass.rates ?? []) {
    const from = Date.parse(change.from);
    if (from <= time && from >= since) {
      rate = change.ratePercent;
      since = from;
    }
  }
  return rate;
}

/** A tax rate as head office types it: a percentage from 0 to 100 with at most 3 decimals, or the problem. */
export function taxRateProblem(value: unknown): string | null {
  if (!isDecimalString(value) || dec(value).isNegative() || dec(value).greaterThan(100)) return 'ratePercent: a percentage from 0 to 100, such as "19" or "7.7"';
  if (dec(value).decimalPlaces() > 3) return 'ratePercent: at most 3 decimal places';
  return null;
}

import { Dec, dec, isDecimalString, sum, toFixedString, toQuantityString, type DecimalString } from './money.js';
import { cashChange, priceCart, PricingError, type CartLineInput, type PricedLine, type PricingRules } from './pricing.js';
import { isReturn, type Product, type Sale, type SaleLine, type Store } from './schemas/index.js';
import { movementsOf } from './stock.js';

/** A product in the cart with the quantity being sold and the rate of its tax class at this store. */
export interface CartItem {
  product: Pick<Product, 'id' | 'sku' | 'name' | 'unit' | 'price' | 'taxClass'>;
  quantity: DecimalString;
  taxRatePercent: DecimalString;
}

export interface SaleContext {
  id: string;
  number: number;
  store: Pick<Store, 'id' | 'code' | 'currency' | 'pricing'>;
  till: { id: string; code: string };
  cashier: { id: string; name: string };
  completedAt: string;
}

/** "S1-T2-000042": unique across the chain without asking the server, so tills can number offline. */
export function receiptNumber(storeCode: string, tillCode: string, number: number): string {
  return `${storeCode}-${tillCode}-${String(number).padStart(6, '0')}`;
}

export function cartLineInputs(items: readonly CartItem[]): CartLineInput[] {
  return items.map((item) => ({
    productId: item.product.id,
    quantity: item.quantity,
    unitPrice: item.product.price,
    taxClassId: item.product.taxClass,
    taxRatePercent: item.taxRatePercent,
  }));
}

export function priceItems(items: readonly CartItem[], rules: PricingRules) {
  return priceCart(cartLineInputs(items), rules);
}

/** What pricing needs of a document's lines: the quantities, prices and tax they carry. */
function lineInputs(lines: readonly Pick<SaleLine, 'productId' | 'quantity' | 'unitPrice' | 'taxClassId' | 'taxRatePercent'>[]): CartLineInput[] {
  return lines.map(({ productId, quantity, unitPrice, taxClassId, taxRatePercent }) => ({ productId, quantity, unitPrice, taxClassId, taxRatePercent }));
}

/** A document's lines from priced lines, with what the receipt says of each product. */
function documentLines(priced: readonly PricedLine[], describe: (index: number) => Pick<SaleLine, 'sku' | 'name' | 'unit'>): SaleLine[] {
  return priced.map((line, index) => {
    const { sku, name, unit } = describe(index);
    return {
      productId: line.productId,
      sku,
      name,
      unit,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      taxClassId: line.taxClassId,
      taxRatePercent: line.taxRatePercent,
      net: line.net,
      tax: line.tax,
      gross: line.gross,
    };
  });
}

/** Builds the one document that records a cash sale: lines, taxes, payment and stock effect. */
export function buildCashSale(items: readonly CartItem[], tendered: DecimalString, context: SaleContext): Sale {
  if (items.length === 0) throw new PricingError('a sale needs at least one line');
  for (const item of items) {
    // A sale only takes goods out; a return is its own document.
    if (dec(item.quantity).lte(0)) throw new PricingError(`quantity of ${item.product.name} must be more than zero`);
  }
  const rules = context.store.pricing;
  const priced = priceItems(items, rules);
  const change = cashChange(priced.totals.gross, tendered, rules.currencyDecimals);
  const lines = documentLines(priced.lines, (index) => items[index].product);
  return {
    id: context.id,
    kind: 'sale',
    storeId: context.store.id,
    tillId: context.till.id,
    number: context.number,
    receiptNumber: receiptNumber(context.store.code, context.till.code, context.number),
    cashierId: context.cashier.id,
    cashierName: context.cashier.name,
    completedAt: context.completedAt,
    currency: context.store.currency,
    pricing: { ...rules },
    lines,
    taxes: priced.taxes,
    totals: priced.totals,
    payments: [
      {
        tender: 'cash',
        amount: priced.totals.gross,
        tendered: toFixedString(dec(tendered), rules.currencyDecimals),
        change,
      },
    ],
    stockMovements: movementsOf(lines, -1),
  };
}

/**
 * The arithmetic a sale must satisfy whoever made it: lines, taxes and totals recomputed from its own
 * quantities, prices and rules; payments cover the total; the stock effect matches the lines.
 * Returns the problems found, empty when the sale adds up.
 */
export function checkSaleArithmetic(sale: Sale): string[] {
  const problems: string[] = [];
  const nonPositive = sale.lines.findIndex((line) => isDecimalString(line.quantity) && dec(line.quantity).lte(0));
  if (nonPositive >= 0) return [`line ${nonPositive + 1}: quantity must be positive`];
  let priced;
  try {
    priced = priceCart(lineInputs(sale.lines), sale.pricing);
  } catch (error) {
    return [`lines cannot be priced: ${(error as Error).message}`];
  }
  sale.lines.forEach((line, index) => {
    const expected = priced.lines[index];
    for (const field of ['net', 'tax', 'gross'] as const) {
      if (!dec(line[field]).eq(dec(expected[field]))) {
        problems.push(`line ${index + 1}: ${field} is ${line[field]}, expected ${expected[field]}`);
      }
    }
  });
  for (const field of ['net', 'tax', 'gross'] as const) {
    if (!dec(sale.totals[field]).eq(dec(priced.totals[field]))) {
      problems.push(`totals.${field} is ${sale.totals[field]}, expected ${priced.totals[field]}`);
    }
  }
  const expectedTaxes = new Map(priced.taxes.map((tax) => [`${tax.taxClassId}|${dec(tax.taxRatePercent).toFixed()}`, tax]));
  if (sale.taxes.length !== expectedTaxes.size) problems.push(`taxes has ${sale.taxes.length} rows, expected ${expectedTaxes.size}`);
  for (const tax of sale.taxes) {
    const expected = expectedTaxes.get(`${tax.taxClassId}|${dec(tax.taxRatePercent).toFixed()}`);
    if (!expected) {
      problems.push(`taxes: no line is taxed as ${tax.taxClassId} at ${tax.taxRatePercent}%`);
      continue;
    }
    for (const field of ['net', 'tax', 'gross'] as const) {
      if (!dec(tax[field]).eq(dec(expected[field]))) {
        problems.push(`taxes ${tax.taxClassId} ${tax.taxRatePercent}%: ${field} is ${tax[field]}, expected ${expected[field]}`);
      }
    }
  }
  const paid = sum(sale.payments.map((payment) => payment.amount));
  if (!paid.eq(dec(sale.totals.gross))) problems.push(`payments add up to ${paid.toFixed()}, total is ${sale.totals.gross}`);
  for (const payment of sale.payments) {
    if (dec(payment.amount).isNegative()) problems.push(`a payment of ${payment.amount} is negative`);
    if (dec(payment.tendered).lt(dec(payment.amount))) problems.push(`tendered ${payment.tendered} does not cover ${payment.amount}`);
    if (!dec(payment.tendered).minus(dec(payment.amount)).eq(dec(payment.change))) {
      problems.push(`change ${payment.change} does not match tendered ${payment.tendered} for ${payment.amount}`);
    }
  }
  const returning = isReturn(sale);
  if (!returning && sale.returnOf) problems.push('returnOf: only a return refers to a sale');
  if (returning && !sale.returnOf) problems.push('returnOf: a return names the sale it returns');
  if (!returning && sale.lines.some((line) => line.restock !== undefined)) problems.push('restock: only a return’s lines say where the goods go');
  if (returning && sale.lines.some((line) => line.restock === undefined)) problems.push('restock: each line of a return says whether its goods go back on the shelf');
  // A sale takes its goods off the shelf; a return puts back what it restocks, and writes off the rest.
  const expectedMovements = returning ? movementsOf(sale.lines.filter((line) => line.restock), 1) : movementsOf(sale.lines, -1);
  const given = new Map(sale.stockMovements.map((movement) => [movement.productId, dec(movement.quantity)]));
  const matches =
    given.size === sale.stockMovements.length &&
    expectedMovements.length === given.size &&
    expectedMovements.every((movement) => given.get(movement.productId)?.eq(dec(movement.quantity)));
  if (!matches) problems.push('stockMovements do not match the lines');
  return problems;
}

/** One line of a return: how much of a product comes back, and whether it goes back on the shelf. */
export interface ReturnLine {
  productId: string;
  quantity: DecimalString;
  restock: boolean;
}

/** Per product, what a sale sold less what earlier returns against it took back. */
export function returnableQuantities(original: Pick<Sale, 'lines'>, earlierReturns: readonly Pick<Sale, 'lines'>[]): Map<string, Dec> {
  const left = new Map<string, Dec>();
  for (const line of original.lines) left.set(line.productId, (left.get(line.productId) ?? new Dec(0)).plus(dec(line.quantity)));
  for (const earlier of earlierReturns) {
    for (const line of earlier.lines) left.set(line.productId, (left.get(line.productId) ?? new Dec(0)).minus(dec(line.quantity)));
  }
  return left;
}

/**
 * What is wrong with a return against its sale and the returns made against it before: products it
 * did not sell, more than is left to return, other prices or tax than were charged, another store.
 */
export function returnProblems(document: Sale, original: Sale, earlierReturns: readonly Sale[]): string[] {
  const problems: string[] = [];
  if (isReturn(original)) return [`${original.receiptNumber} is itself a return`];
  if (document.returnOf?.receiptNumber !== original.receiptNumber) problems.push(`returnOf.receiptNumber is ${document.returnOf?.receiptNumber}, the sale's is ${original.receiptNumber}`);
  if (document.storeId !== original.storeId) problems.push(`the sale ${original.receiptNumber} was made in another store`);
  const left = returnableQuantities(original, earlierReturns);
  const asked = new Map<string, Dec>();
  for (const line of document.lines) {
    const sold = original.lines.find((candidate) => candidate.productId === line.productId);
    if (!sold) {
      problems.push(`${line.name}: not on receipt ${original.receiptNumber}`);
      continue;
    }
    if (!dec(sold.unitPrice).eq(dec(line.unitPrice)) || !dec(sold.taxRatePercent).eq(dec(line.taxRatePercent)) || sold.taxClassId !== line.taxClassId) {
      problems.push(`${line.name}: refunded at ${line.unitPrice} (${line.taxRatePercent}%), sold at ${sold.unitPrice} (${sold.taxRatePercent}%)`);
    }
    asked.set(line.productId, (asked.get(line.productId) ?? new Dec(0)).plus(dec(line.quantity)));
  }
  for (const [productId, quantity] of asked) {
    const remaining = left.get(productId) ?? new Dec(0);
    if (quantity.gt(remaining)) {
      const name = document.lines.find((line) => line.productId === productId)?.name ?? productId;
      problems.push(`${name}: ${toQuantityString(quantity)} returned, but only ${toQuantityString(remaining)} of what ${original.receiptNumber} sold is left to return`);
    }
  }
  return problems;
}

export interface ReturnContext extends Omit<SaleContext, 'store'> {
  store: Pick<Store, 'id' | 'code'>;
}

/**
 * Builds the one document that records a cash refund against a sale: the returned lines at the
 * prices and tax charged on the sale (priced by the sale's own rules), the cash paid out, and the
 * stock that goes back on the shelf. Throws when it asks for more than is left to return.
 */
export function buildCashReturn(original: Sale, returned: readonly ReturnLine[], earlierReturns: readonly Sale[], context: ReturnContext): Sale {
  const chosen = returned.filter((line) => dec(line.quantity).gt(0));
  if (chosen.length === 0) throw new PricingError('a return needs at least one line with a quantity');
  const rules = original.pricing;
  const soldLines = chosen.map((line) => {
    const sold = original.lines.find((candidate) => candidate.productId === line.productId);
    if (!sold) throw new PricingError(`product ${line.productId} is not on receipt ${original.receiptNumber}`);
    return sold;
  });
  // The returned quantities at the prices and tax the sale charged.
  const priced = priceCart(lineInputs(soldLines.map((sold, index) => ({ ...sold, quantity: chosen[index].quantity }))), rules);
  const lines = documentLines(priced.lines, (index) => soldLines[index]).map((line, index) => ({ ...line, restock: chosen[index].restock }));
  const document: Sale = {
    id: context.id,
    kind: 'return',
    returnOf: { saleId: original.id, receiptNumber: original.receiptNumber },
    storeId: context.store.id,
    tillId: context.till.id,
    number: context.number,
    receiptNumber: receiptNumber(context.store.code, context.till.code, context.number),
    cashierId: context.cashier.id,
    cashierName: context.cashier.name,
    completedAt: context.completedAt,
    currency: original.currency,
    pricing: { ...rules },
    lines,
    taxes: priced.taxes,
    totals: priced.totals,
    // The refund goes out in cash: paid out exactly, no change.
    payments: [{ tender: 'cash', amount: priced.totals.gross, tendered: priced.totals.gross, change: toFixedString(new Dec(0), rules.currencyDecimals) }],
    stockMovements: movementsOf(lines.filter((line) => line.restock), 1),
  };
  const problems = returnProblems(document, original, earlierReturns);
  if (problems.length > 0) throw new PricingError(problems.join('; '));
  return document;
}

import { ean13 } from '../../shared/src/barcode.js';
import { hashPin, type Cashier, type CashierRole, type Product, type Store, type TaxClass, type Till } from '../../shared/src/index.js';
import type { Repository } from './repository.js';
import type { DocumentWrite } from './storage/port.js';
import { Cashiers } from './cashiers/cashiers.js';
import { StockBook } from './stock/stock-book.js';

export const DEMO_STORE_ID = 'store-1';

const FOODS = [
  ['Whole Milk', '1 l', 'reduced', '1.19'], ['Semi-Skimmed Milk', '1 l', 'reduced', '1.09'], ['Greek Yoghurt', '500 g', 'reduced', '2.49'],
  ['Butter', '250 g', 'reduced', '2.79'], ['Cheddar Cheese', '400 g', 'reduced', '4.59'], ['Free-Range Eggs', '10 pcs', 'reduced', '3.29'],
  ['Sourdough Bread', '800 g', 'reduced', '3.95'], ['Wholemeal Toast', '500 g', 'reduced', '1.89'], ['Croissants', '4 pcs', 'reduced', '2.99'],
  ['Spaghetti', '500 g', 'reduced', '1.29'], ['Basmati Rice', '1 kg', 'reduced', '2.69'], ['Rolled Oats', '500 g', 'reduced', '1.49'],
  ['Chopped Tomatoes', '400 g', 'reduced', '0.89'], ['Olive Oil', '750 ml', 'reduced', '7.99'], ['Sunflower Oil', '1 l', 'reduced', '2.49'],
  ['Ground Coffee', '500 g', 'reduced', '6.49'], ['Green Tea', '20 bags', 'reduced', '2.29'], ['Dark Chocolate', '100 g', 'reduced', '1.99'],
  ['Orange Juice', '1 l', 'reduced', '2.19'], ['Strawberry Jam', '340 g', 'reduced', '2.59'],
] as const;

const DRINKS_AND_HOUSEHOLD = [
  ['Sparkling Water', '1.5 l', 'standard', '0.79'], ['Cola', '1.5 l', 'standard', '1.69'], ['Lager Beer', '6 x 330 ml', 'standard', '6.99'],
  ['Red Wine', '750 ml', 'standard', '8.49'], ['Dish Soap', '500 ml', 'standard', '1.79'], ['Laundry Detergent', '1.5 l', 'standard', '7.49'],
  ['Toilet Paper', '8 rolls', 'standard', '4.29'], ['Kitchen Towels', '2 rolls', 'standard', '2.39'], ['Toothpaste', '75 ml', 'standard', '2.19'],
  ['Shampoo', '250 ml', 'standard', '3.49'], ['Batteries AA', '4 pcs', 'standard', '4.99'], ['Light Bulb LED', '9 W', 'standard', '3.99'],
] as const;

const BRANDS = ['Kassa Basics', 'Green Valley', 'Nordhof', 'Sunny Farm', 'Blue Harbour', 'Alpine', 'Old Mill', 'Urban Pantry'] as const;

const LOOSE = [
  ['Bananas', '1.89'], ['Apples Braeburn', '2.49'], ['Tomatoes on the Vine', '3.29'], ['Potatoes', '1.19'], ['Carrots', '0.99'], ['Onions', '1.29'],
] as const;

/**
 * The demo till's quick keys: what a baker's counter sells without a label to scan (loose fruit, bread
 * and croissants from the basket, coffee by the bag), by their ids in the demo catalogue: the first
 * six products are the loose produce, then the templates in order (Sourdough Bread is the 13th,
 * Croissants the 15th, Ground Coffee the 22nd).
 */
const DEMO_QUICK_KEYS: readonly { productId: string; label?: string }[] = [
  { productId: 'p-000001', label: 'Bananas' },
  { productId: 'p-000002', label: 'Apples' },
  { productId: 'p-000013', label: 'Sourdough' },
  { productId: 'p-000015', label: 'Croissants' },
  { productId: 'p-000022', label: 'Coffee' },
];

/**
 * A deterministic demo catalogue: `count` products named like a real grocery's, with SKUs,
 * valid EAN-13 barcodes (loose produce also under its scale item barcodes), tax classes, prices (tax
 * included), costs and an opening stock.
 */
export function demoCatalogue(count: number, updatedAt: string): { product: Product; openingStock: string }[] {
  const items: { product: Product; openingStock: string }[] = [];
  LOOSE.forEach(([name, price], index) => {
    if (items.length >= count) return;
    const number = index + 1;
    items.push({
      product: {
        id: `p-${String(number).padStart(6, '0')}`,
        sku: `LOOSE-${String(number).padStart(3, '0')}`,
        name: `${name} (loose)`,
        // Its own EAN, and the item barcode its scale labels carry (item 00100 + n on prefix 21 for a
        // weight, 23 for a price), e.g. 2100101000008.
        barcodes: [ean13(`400${String(900000 + number).padStart(9, '0')}`), ean13(`21${String(100 + number).padStart(5, '0')}00000`), ean13(`23${String(100 + number).padStart(5, '0')}00000`)],
        unit: 'kg',
        taxClass: 'reduced',
        price,
        cost: (Number(price) * 0.6).toFixed(2),
        active: true,
        updatedAt,
      },
      openingStock: String(40 + index * 5),
    });
  });
  const templates = [...FOODS, ...DRINKS_AND_HOUSEHOLD];
  for (let index = 0; items.length < count; index++) {
    const [name, size, taxClass, basePrice] = templates[index % templates.length];
    const brand = BRANDS[Math.floor(index / templates.length) % BRANDS.length];
    const round = Math.floor(index / (templates.length * BRANDS.length));
    const number = items.length + 1;
    // Prices vary by brand in whole cents so every figure stays an exact decimal.
    const priceCents = Math.round(Number(basePrice) * 100) + ((index * 37) % 90) - 20 + round * 10;
    const price = (Math.max(priceCents, 29) / 100).toFixed(2);
    const cost = ((Math.max(priceCents, 29) * (55 + (index % 20))) / 10000).toFixed(2);
    items.push({
      product: {
        id: `p-${String(number).padStart(6, '0')}`,
        sku: `${brand.slice(0, 3).toUpperCase()}-${String(number).padStart(5, '0')}`,
        name: `${brand} ${name} ${size}${round > 0 ? ` #${round + 1}` : ''}`,
        barcodes: [ean13(`40${String(number).padStart(10, '0')}`)],
        unit: 'piece',
        taxClass,
        price,
        cost,
        active: true,
        updatedAt,
      },
      openingStock: String(10 + ((index * 7) % 90)),
    });
  }
  return items;
}

export interface DemoOptions {
  products?: number;
  /** Tills till-1 .. till-N with codes T1 .. TN (default 2). */
  tills?: number;
}

/** How many products the seed writes in one statement. */
const SEED_SLICE = 1000;

/** Seeds a fresh database with one demo store, its tax classes, its tills and a catalogue with stock. */
export async function seedDemoStore(repository: Repository, options: DemoOptions = {}): Promise<void> {
  const now = new Date().toISOString();
  const catalogue = demoCatalogue(options.products ?? 240, now);
  await repository.write(async (writer) => {
    // A smaller catalogue (tests seed a dozen products) keeps the keys of the products it has.
    const quickKeys = DEMO_QUICK_KEYS.filter((key) => catalogue.some((item) => item.product.id === key.productId));
    const store: Store = {
      id: DEMO_STORE_ID,
      code: 'S1',
      name: 'Kassa Demo Store',
      currency: 'EUR',
      pricing: { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 },
      negativeStock: 'warn',
      // What the receipts print around the sale. The demo leaves the locale and time zone to each
      // till, so its screens and receipts use the fixed forms ("2026-06-07 12:15:00", "1,234.50").
      address: 'Market Street 1\n10115 Berlin\nTel. 030 1234567',
      vatNumber: 'DE123456789',
      receiptFooter: 'Thank you for shopping with us!\nReturns within 30 days with this receipt.',
      // The default, set so head office sees where to change it.
      largestNote: '200',
      ...(quickKeys.length > 0 ? { quickKeys: quickKeys.map((key) => ({ ...key })) } : {}),
    };
    await writer.put('stores', store, store.id);
    const taxClasses: TaxClass[] = [
      { id: `${store.id}:standard`, storeId: store.id, code: 'standard', name: 'Standard rate', ratePercent: '20' },
      { id: `${store.id}:reduced`, storeId: store.id, code: 'reduced', name: 'Reduced rate', ratePercent: '7' },
    ];
    for (const taxClass of taxClasses) await writer.put('taxClasses', taxClass, store.id);
    for (let number = 1; number <= (options.tills ?? 2); number++) {
      const till: Till = { id: `till-${number}`, storeId: store.id, code: `T${number}`, name: `Till ${number}`, lastNumber: 0 };
      await writer.put('tills', till, store.id);
    }
    // In slices, each written in one statement: a benchmark seeds 100,000 products.
    for (let start = 0; start < catalogue.length; start += SEED_SLICE) {
      const slice = catalogue.slice(start, start + SEED_SLICE);
      const products: DocumentWrite[] = [];
      // Products are chain-wide master data: no store, so every store's tills receive them.
      for (const { product } of slice) products.push({ collection: 'products', body: product, storeId: null, seq: await writer.seq() });
      await writer.tx.documents.putMany(products);
      await new StockBook(repository).openIn(writer, store.id, slice.map(({ product, openingStock }) => ({ productId: product.id, quantity: openingStock })));
    }
  }, SEED_SLICE);
}

/** True when the database has no store yet (a first start). */
export async function isEmpty(repository: Repository): Promise<boolean> {
  return (await repository.stores()).length === 0;
}

/**
 * The demo's people, the same in every demo store: one of each role, with PINs printed in the README
 * so anyone trying the demo can sign in and approve. Tests sign in as them by these ids and PINs.
 */
export const DEMO_CASHIERS: readonly { key: string; name: string; role: CashierRole; pin: string }[] = [
  { key: 'alex', name: 'Alex Cashier', role: 'cashier', pin: '1111' },
  { key: 'sam', name: 'Sam Supervisor', role: 'supervisor', pin: '2222' },
  { key: 'morgan', name: 'Morgan Manager', role: 'manager', pin: '9999' },
];

/** A demo cashier's fixed id in a store: `cashier-store-1-alex`. */
export function demoCashierId(storeId: string, key: string): string {
  return `cashier-${storeId}-${key}`;
}

/**
 * Gives each store the demo cashiers it lacks (all stores unless named). Safe on every start: a
 * cashier already there is left as head office last changed it (another PIN, deactivated), so a
 * restart never brings back a PIN or a person head office changed.
 */
export async function seedDemoCashiers(repository: Repository, storeIds?: readonly string[]): Promise<number> {
  const missing: { storeId: string; person: (typeof DEMO_CASHIERS)[number] }[] = [];
  for (const storeId of storeIds ?? (await repository.stores()).map((store) => store.id)) {
    for (const person of DEMO_CASHIERS) if (!(await repository.getDocument<Cashier>('cashiers', demoCashierId(storeId, person.key)))) missing.push({ storeId, person });
  }
  // Hashing takes tens of milliseconds per PIN; done side by side before anything is written.
  const cashiers = await Promise.all(
    missing.map(
      async ({ storeId, person }): Promise<Cashier> => ({
        id: demoCashierId(storeId, person.key),
        storeId,
        name: person.name,
        role: person.role,
        pin: await hashPin(person.pin),
        active: true,
      }),
    ),
  );
  const held = new Cashiers(repository);
  let added = 0;
  for (const cashier of cashiers) if (await held.addIfAbsent(cashier)) added++;
  return added;
}

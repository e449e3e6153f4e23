import { describe, expect, it } from 'vitest';
import type { PricingRules } from './pricing.js';
import { buildReturn, buildSale, type CartItem, type SaleContext } from './sale.js';
import type { Person, ShiftEvent, ShiftEventKind } from './schemas/index.js';
import { shiftReport } from './shift.js';
import { shiftReportHtml, shiftReportText, type ShiftReportContext } from './shift-receipt.js';

const RULES: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };
const STORE = { id: 'store-1', code: 'S1', currency: 'EUR', pricing: RULES, cashRounding: '0.05' };
const ADA: Person = { id: 'cashier-ada', name: 'Ada' };
const MIA: Person = { id: 'manager-mia', name: 'Mia' };
const SHIFT = 'shift-1';

function item(id: string, quantity: string, price: string, taxClass: string, taxRatePercent: string, extra: Partial<CartItem> = {}): CartItem {
  return { product: { id, sku: `SKU-${id}`, name: id.toUpperCase(), unit: 'piece', price, taxClass }, quantity, taxRatePercent, ...extra };
}

function context(number: number): SaleContext {
  return { id: `doc-${number}`, number, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier: ADA, completedAt: '2024-06-07T09:00:00.000Z', shiftId: SHIFT };
}

function event(sequence: number, kind: ShiftEventKind, fields: Partial<ShiftEvent> = {}): ShiftEvent {
  const at = `2024-06-07T${String(6 + sequence).padStart(2, '0')}:00:00.000Z`;
  return { id: `event-${sequence}`, storeId: 'store-1', tillId: 'till-1', shiftId: SHIFT, kind, sequence, at, cashier: ADA, currency: 'EUR', ...fields };
}

// The shift (times UTC, printed in Berlin, two hours ahead):
//   open 07:00 by Ada, float 100.00
//   sale 1: milk 3 x 1.19 (3.57) + wine 8.99 = 12.56; 20.00 cash -> 12.55 taken (rounding -0.01)
//   sale 2: milk 3 x 1.19 with 10 % off = 3.21, a wine (12.49) voided from the cart; by card
//   sale 3: wine at 7.99 instead of 8.99 (Mia's override); 10.00 cash -> 8.00 taken (rounding +0.01)
//   return of sale 1's wine, 8.99, in cash -> 9.00 (rounding +0.01)
//   cash in 50.00, cash out 20.00, a cart of 2 milk (2.38) voided; closed 11:00 by Mia
//
//   sales 12.56 + 3.21 + 7.99 = 23.76; returns 8.99
//   cash taken 12.55 + 8.00 = 20.55, refunded 9.00; card 3.21
//   expected 100.00 + 20.55 - 9.00 + 50.00 - 20.00 = 141.55
//   cash rounding -0.01 + 0.01 - 0.01 = -0.01
//   7 %:  3.57 (tax 0.23) + 3.21 (tax 0.21) = 6.78, tax 0.44, net 6.34
//   19 %: 8.99 (tax 1.44) + 7.99 (tax 7.99 x 19 / 119 = 1.28) - 8.99 (tax 1.44) = 7.99, tax 1.28, net 6.71
//   counted 100 + 2 x 20 + 1 + 0.50 + 0.05 = 141.55 + 0.10 (one 0.10 more): 141.65, 0.10 over
const SALE_1 = buildSale({ items: [item('milk', '3', '1.19', 'reduced', '7'), item('wine', '1', '8.99', 'standard', '19')], payments: [{ tender: 'cash', tendered: '20' }] }, context(1));
const SALE_2 = buildSale(
  {
    items: [item('milk', '3', '1.19', 'reduced', '7', { discount: { percent: '10', reason: 'loyalty', by: ADA } })],
    voids: [{ productId: 'wine', name: 'WINE', quantity: '1', gross: '12.49', by: ADA }],
    payments: [{ tender: 'card', amount: '3.21', card: { brand: 'VISA', last4: '1234' } }],
  },
  context(2),
);
const SALE_3 = buildSale(
  { items: [item('wine', '1', '8.99', 'standard', '19', { priceOverride: { unitPrice: '7.99', reason: 'last bottle', by: MIA } })], payments: [{ tender: 'cash', tendered: '10' }] },
  context(3),
);
const RETURN = buildReturn(SALE_1, [{ productId: 'wine', quantity: '1', restock: true }], [], context(4), { refundTo: 'cash' });
const DOCUMENTS = [SALE_1, SALE_2, SALE_3, RETURN];

const EVENTS: ShiftEvent[] = [
  event(1, 'open', { id: SHIFT, amount: '100.00' }),
  event(2, 'cash-in', { amount: '50.00', reason: 'change from the bank' }),
  event(3, 'cash-out', { amount: '20.00', reason: 'window cleaner' }),
  event(4, 'void', { reason: 'customer left', lines: [{ productId: 'milk', name: 'MILK', quantity: '2', gross: '2.38' }] }),
];
const CLOSE = event(5, 'close', {
  cashier: MIA,
  counted: [
    { denomination: '100', count: 1 },
    { denomination: '50', count: 0 },
    { denomination: '20', count: 2 },
    { denomination: '1', count: 1 },
    { denomination: '0.50', count: 1 },
    { denomination: '0.10', count: 1 },
    { denomination: '0.05', count: 1 },
  ],
  expectedCash: '141.55',
  countedCash: '141.65',
  difference: '0.10',
});

const PRINT: ShiftReportContext = { storeName: 'Corner Shop', tillCode: 'T1', printedAt: '2024-06-07T11:05:00.000Z', timeZone: 'Europe/Berlin' };
const X_REPORT = shiftReport(EVENTS, DOCUMENTS);
const Z_REPORT = shiftReport([...EVENTS, CLOSE], DOCUMENTS);

/** The HTML without its tags, whitespace collapsed: what the printed paper says. */
function printed(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the shift the reports print', () => {
  it('has the figures the comments work out', () => {
    expect(Z_REPORT).toMatchObject({
      sales: { count: 3, gross: '23.76' },
      returns: { count: 1, gross: '8.99', withoutReceipt: 0 },
      expectedCash: '141.55',
      cashRounding: '-0.01',
      countedCash: '141.65',
      difference: '0.10',
    });
  });
});

describe('shiftReportText', () => {
  it('prints the Z report: who and when, sales, tenders, tax per rate, the drawer and the count', () => {
    expect(shiftReportText(Z_REPORT, PRINT)).toBe(
      [
        '                  Corner Shop',
        '------------------------------------------------',
        '                    Z REPORT',
        'Till                                          T1',
        'Printed                      2024-06-07 13:05:00',
        'Opened                       2024-06-07 09:00:00',
        'Opened by                                    Ada',
        'Closed                       2024-06-07 13:00:00',
        'Closed by                                    Mia',
        'Currency                                     EUR',
        '------------------------------------------------',
        'SALES',
        'Sales (3)                                  23.76',
        'Returns (1)                                -8.99',
        'Discounts (1)                               0.36',
        'Price overrides                                1',
        'Voided lines (1)                           12.49',
        'Voided carts (1)                            2.38',
        '------------------------------------------------',
        'Tender           Taken     Refunded          Net',
        'Cash             20.55         9.00        11.55',
        'Card              3.21         0.00         3.21',
        '------------------------------------------------',
        'Tax                Net          Tax        Gross',
        '7%                6.34         0.44         6.78',
        '19%               6.71         1.28         7.99',
        '------------------------------------------------',
        'CASH',
        'Float                                     100.00',
        'Cash taken                                 20.55',
        'Cash refunded                              -9.00',
        'Cash in                                    50.00',
        '  10:00 Ada: change from the bank          50.00',
        'Cash out                                  -20.00',
        '  11:00 Ada: window cleaner                20.00',
        'Expected cash                             141.55',
        'Cash rounding (in cash taken)              -0.01',
        '------------------------------------------------',
        'COUNT',
        '  1 x 100.00                              100.00',
        '  2 x 20.00                                40.00',
        '  1 x 1.00                                  1.00',
        '  1 x 0.50                                  0.50',
        '  1 x 0.10                                  0.10',
        '  1 x 0.05                                  0.05',
        'Counted cash                              141.65',
        'Difference (over)                           0.10',
        '',
      ].join('\n'),
    );
  });

  it('prints the X report of the open shift: no close, no count, the same figures', () => {
    const text = shiftReportText(X_REPORT, PRINT);
    expect(text).toContain('                    X REPORT\n');
    expect(text).not.toMatch(/Closed|COUNT|Counted|Difference/);
    expect(text).toContain('Expected cash                             141.55\n');
    expect(text.endsWith('Cash rounding (in cash taken)              -0.01\n')).toBe(true);
  });

  it('says whether the drawer is short, and counts returns without a receipt', () => {
    const short = shiftReport([...EVENTS, { ...CLOSE, counted: CLOSE.counted!.filter((row) => row.denomination !== '0.50'), countedCash: '141.15', difference: '-0.40' }], DOCUMENTS);
    expect(shiftReportText(short, PRINT)).toContain('Counted cash                              141.15\nDifference (short)                         -0.40\n');
    const exact = shiftReport([...EVENTS, { ...CLOSE, counted: CLOSE.counted!.filter((row) => row.denomination !== '0.10') }], DOCUMENTS);
    expect(shiftReportText(exact, PRINT)).toContain('\nDifference                                  0.00\n');
    expect(shiftReportText({ ...X_REPORT, returns: { count: 2, gross: '10.18', withoutReceipt: 1 } }, PRINT)).toContain('Returns (2)                               -10.18\n  without receipt (1)\n');
  });

  it('keeps every line to the width, wrapping a long reason with its indent', () => {
    const events = [...EVENTS.slice(0, 2), { ...EVENTS[2], reason: 'window cleaner, paid for the whole of June in advance as agreed' }, EVENTS[3]];
    const text = shiftReportText(shiftReport(events, DOCUMENTS), { ...PRINT, storeName: 'The Corner Shop at the Old Market Square of Sankt Augustin' });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(48);
    expect(text).toContain('  11:00 Ada: window cleaner, paid for the whole\n  of June in advance as agreed             20.00\n');
  });
});

describe('shiftReportHtml', () => {
  const html = shiftReportHtml(Z_REPORT, PRINT);

  it('is one self-contained document for the 80 mm printer, titled by the kind of report', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<style>[^<]*@page \{ size: 80mm auto; margin: 0; \}/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import|https?:/i);
    expect(html).toContain('<title>Z report T1</title>');
    expect(html).toContain('<h2>Z report</h2>');
    expect(shiftReportHtml(X_REPORT, PRINT)).toContain('<h2>X report</h2>');
  });

  it('prints the same figures as the text', () => {
    const paper = printed(html);
    expect(paper).toContain('Till T1 Printed 2024-06-07 13:05:00 Opened 2024-06-07 09:00:00 Opened by Ada Closed 2024-06-07 13:00:00 Closed by Mia Currency EUR');
    expect(paper).toContain('Sales (3) 23.76 Returns (1) -8.99 Discounts (1) 0.36 Price overrides 1 Voided lines (1) 12.49 Voided carts (1) 2.38');
    expect(paper).toContain('Tender Taken Refunded Net Cash 20.55 9.00 11.55 Card 3.21 0.00 3.21');
    expect(paper).toContain('Tax Net Tax Gross 7% 6.34 0.44 6.78 19% 6.71 1.28 7.99');
    expect(paper).toContain(
      'Float 100.00 Cash taken 20.55 Cash refunded -9.00 Cash in 50.00 10:00 Ada: change from the bank 50.00 Cash out -20.00 11:00 Ada: window cleaner 20.00 Expected cash 141.55',
    );
    expect(paper).toMatch(/1 x 100\.00 100\.00 .* Counted cash 141\.65 Difference \(over\) 0\.10$/);
    expect(html).toContain('<tr class="difference total"><th scope="row">Difference (over)</th><td class="num">0.10</td></tr>');
    expect(html).toContain('<tr class="cash-out-movement"><th scope="row" class="line-detail">11:00 Ada: window cleaner</th><td class="num">20.00</td></tr>');
  });

  it('escapes reasons and names from the tills, and the store name', () => {
    const bob = { id: 'cashier-bob', name: '<b>Bob</b>' };
    const events = [
      { ...EVENTS[0], cashier: bob },
      EVENTS[1],
      { ...EVENTS[2], reason: '<script>alert("x")</script> & co' },
      EVENTS[3],
      { ...CLOSE, cashier: { id: 'manager-eve', name: 'Eve "the boss" O\'Neil' } },
    ];
    const escaped = shiftReportHtml(shiftReport(events, DOCUMENTS), { ...PRINT, storeName: 'Tom & Jerry <Shop>', tillCode: '<T1>' });
    expect(escaped).not.toMatch(/<script|<b>|<T1>/);
    expect(escaped).toContain('<h1>Tom &amp; Jerry &lt;Shop&gt;</h1>');
    expect(escaped).toContain('<title>Z report &lt;T1&gt;</title>');
    expect(escaped).toContain('<td class="num">&lt;b&gt;Bob&lt;/b&gt;</td>');
    expect(escaped).toContain('11:00 Ada: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(escaped).toContain('Eve &quot;the boss&quot; O&#39;Neil');
  });
});

describe('the store’s header and way of writing on a shift report', () => {
  const store = { address: 'Market Street 1\n10115 Berlin', vatNumber: 'DE123456789', locale: 'de-DE', timeZone: 'Europe/Berlin' };

  it('prints the address and VAT number under the name, as the receipts do', () => {
    const text = shiftReportText(Z_REPORT, { ...PRINT, store: { address: store.address, vatNumber: store.vatNumber } }).split('\n');
    expect(text.slice(0, 6)).toEqual([
      '                  Corner Shop',
      '                Market Street 1',
      '                  10115 Berlin',
      '              VAT no. DE123456789',
      '------------------------------------------------',
      '                    Z REPORT',
    ]);
    expect(printed(shiftReportHtml(Z_REPORT, { ...PRINT, store: { address: '<b>1 Main St</b>', vatNumber: 'DE1' } }))).toMatch(/^Z report T1 Corner Shop &lt;b&gt;1 Main St&lt;\/b&gt; VAT no\. DE1 Z report Till T1/);
  });

  it('writes times and amounts in the store’s locale and time zone when it has them', () => {
    const paper = printed(shiftReportHtml(Z_REPORT, { storeName: 'Corner Shop', tillCode: 'T1', printedAt: PRINT.printedAt, store }));
    expect(paper).toContain('Till T1 Printed 07.06.24, 13:05:00 Opened 07.06.24, 09:00:00');
    expect(paper).toContain('Cash in 50,00 10:00 Ada: change from the bank 50,00');
    expect(paper).toContain('Expected cash 141,55');
  });
});

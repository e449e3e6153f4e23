import { describe, expect, it } from 'vitest';
import type { PricingRules } from './pricing.js';
import { decodeCode128, modulesOfSvg } from './code128.test-support.js';
import { escapeHtml, receiptDateTime, receiptHtml, receiptText, type ReceiptContext } from './receipt.js';
import { buildReturn, buildReturnWithoutReceipt, buildCashSale, buildSale, type CartItem, type SaleContext } from './sale.js';

const RULES: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };
const STORE = { id: 'store-1', code: 'S1', name: 'Corner Shop', currency: 'EUR', pricing: RULES };
const CONTEXT: ReceiptContext = { store: STORE, till: { code: 'T1' }, timeZone: 'Europe/Berlin' };

function item(id: string, name: string, quantity: string, price: string, taxClass: string, taxRatePercent: string, unit: CartItem['product']['unit'] = 'piece'): CartItem {
  return { product: { id, sku: `SKU-${id}`, name, unit, price, taxClass }, quantity, taxRatePercent };
}

// The basket of sale.test.ts, with names: two tax rates, a weighed line, one product on two lines.
//   Whole milk 1 l  3 x 1.19 at 7%:       gross 3.57, tax 0.23, net 3.34   (A)
//   Riesling 0.75 l 1 x 8.99 at 19%:      gross 8.99, tax 1.44, net 7.55   (B)
//   Gouda 0.375 kg x 2.49 at 7%:          gross 0.93, tax 0.06, net 0.87   (A)
//   Whole milk 1 l  1 x 1.19 at 7%:       gross 1.19, tax 0.08, net 1.11   (A)
//   A 7%:  net 5.32, tax 0.37, gross 5.69;  B 19%: net 7.55, tax 1.44, gross 8.99
//   total 14.68 (net 12.87, tax 1.81); 20.00 tendered, change 5.32.
// Completed 10:15 UTC on 7 June 2024, 12:15 in Berlin (summer time).
const SALE = buildCashSale(
  [
    item('milk', 'Whole milk 1 l', '3', '1.19', 'reduced', '7'),
    item('wine', 'Riesling 0.75 l', '1', '8.99', 'standard', '19'),
    item('cheese', 'Gouda', '0.375', '2.49', 'reduced', '7', 'kg'),
    item('milk', 'Whole milk 1 l', '1', '1.19', 'reduced', '7'),
  ],
  '20',
  { id: 'sale-42', number: 42, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier: { id: 'cashier-1', name: 'Ada' }, completedAt: '2024-06-07T10:15:00.000Z' },
);

// Two milk back on the shelf, the wine written off (see return.test.ts): refund 11.37, tax 1.60.
const RETURN = buildReturn(
  SALE,
  [
    { productId: 'milk', quantity: '2', restock: true },
    { productId: 'wine', quantity: '1', restock: false },
  ],
  [],
  { id: 'return-43', number: 43, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier: { id: 'cashier-2', name: 'Ben' }, completedAt: '2024-06-08T16:05:09.000Z' },
);

/** The HTML without its tags, whitespace collapsed: what the printed paper says (the barcode is bars, not text). */
function printed(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('receiptText: goods by the gram, litre and metre', () => {
  it('prints each quantity with its unit, priced per unit', () => {
    const measured = buildCashSale(
      [item('tea', 'Green tea, loose', '125', '0.09', 'reduced', '7', 'g'), item('oil', 'Olive oil, tap', '0.75', '12.40', 'reduced', '7', 'l'), item('cable', 'Cable 3x1.5', '2.35', '1.25', 'standard', '19', 'm')],
      '30',
      { id: 'sale-44', number: 44, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier: { id: 'cashier-1', name: 'Ada' }, completedAt: '2024-06-07T10:15:00.000Z' },
    );
    const text = receiptText(measured, CONTEXT);
    // 125 g x 0.09 = 11.25; 0.75 l x 12.40 = 9.30; 2.35 m x 1.25 = 2.9375, 2.94 half up.
    expect(text).toContain('  125 g x 0.09                           11.25 A');
    expect(text).toContain('  0.75 l x 12.40                          9.30 A');
    expect(text).toContain('  2.35 m x 1.25                           2.94 B');
  });
});

describe('receiptText: the worked example', () => {
  it('prints the whole sale: store, number, till, cashier, time, every line, tax per rate, totals and change', () => {
    expect(receiptText(SALE, CONTEXT)).toBe(
      [
        '                  Corner Shop',
        '                    Store S1',
        '------------------------------------------------',
        '                    RECEIPT',
        'Receipt no.                         S1-T1-000042',
        'Till                                          T1',
        'Cashier                                      Ada',
        'Date                         2024-06-07 12:15:00',
        '------------------------------------------------',
        'Whole milk 1 l',
        '  3 x 1.19                                3.57 A',
        'Riesling 0.75 l',
        '  1 x 8.99                                8.99 B',
        'Gouda',
        '  0.375 kg x 2.49                         0.93 A',
        'Whole milk 1 l',
        '  1 x 1.19                                1.19 A',
        '------------------------------------------------',
        'Tax                Net          Tax        Gross',
        'A 7%              5.32         0.37         5.69',
        'B 19%             7.55         1.44         8.99',
        '------------------------------------------------',
        'Net                                        12.87',
        'Tax                                         1.81',
        'TOTAL EUR                                  14.68',
        '------------------------------------------------',
        'Cash                                       14.68',
        'Tendered                                   20.00',
        'Change                                      5.32',
        '',
      ].join('\n'),
    );
  });

  it('prints a return with the receipt it returns, what was restocked and what was written off, and the cash refunded', () => {
    expect(receiptText(RETURN, CONTEXT)).toBe(
      [
        '                  Corner Shop',
        '                    Store S1',
        '------------------------------------------------',
        '                     RETURN',
        'Return no.                          S1-T1-000043',
        'Returns receipt                     S1-T1-000042',
        'Till                                          T1',
        'Cashier                                      Ben',
        'Date                         2024-06-08 18:05:09',
        '------------------------------------------------',
        'Whole milk 1 l',
        '  2 x 1.19                                2.38 A',
        '  restocked',
        'Riesling 0.75 l',
        '  1 x 8.99                                8.99 B',
        '  written off (damaged)',
        '------------------------------------------------',
        'Tax                Net          Tax        Gross',
        'A 7%              2.22         0.16         2.38',
        'B 19%             7.55         1.44         8.99',
        '------------------------------------------------',
        'Net                                         9.77',
        'Tax                                         1.60',
        'TOTAL REFUNDED EUR                         11.37',
        '------------------------------------------------',
        'Refunded in cash                           11.37',
        '',
      ].join('\n'),
    );
  });

  it('wraps a name longer than the line, and keeps each line to the width', () => {
    const long = buildCashSale([item('tea', 'Organic green tea from the first flush of the spring harvest, 100 bags', '1', '1234.5', 'reduced', '7')], '2000', {
      id: 'sale-1',
      number: 1,
      store: STORE,
      till: { id: 'till-1', code: 'T1' },
      cashier: { id: 'cashier-1', name: 'Ada' },
      completedAt: '2024-06-07T10:15:00.000Z',
    });
    const text = receiptText(long, CONTEXT);
    expect(text).toContain('Organic green tea from the first flush of the\nspring harvest, 100 bags\n  1 x 1,234.50                        1,234.50 A\n');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(48);
  });
});

describe('receiptHtml', () => {
  const html = receiptHtml(SALE, CONTEXT);

  it('is one self-contained document: inline CSS for a 72 mm printable area in monospace, no scripts, nothing loaded', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<style>[^<]*@page \{ size: 80mm auto; margin: 0; \}[^<]*body \{ width: 72mm;[^<]*monospace;/);
    // The barcode's SVG namespace is a name, never fetched: the one address allowed.
    expect(html.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import|https?:/i);
  });

  it('shows the store, title, receipt number, till, cashier and local date and time', () => {
    expect(printed(html)).toMatch(/^Receipt S1-T1-000042 Corner Shop Store S1 Receipt Receipt no\. S1-T1-000042 Till T1 Cashier Ada Date 2024-06-07 12:15:00 /);
  });

  it('shows every line with quantity, unit price, line total and tax mark', () => {
    expect(printed(html)).toContain(
      'Whole milk 1 l 3 × 1.19 3.57 A Riesling 0.75 l 1 × 8.99 8.99 B Gouda 0.375 kg × 2.49 0.93 A Whole milk 1 l 1 × 1.19 1.19 A',
    );
    expect(html.match(/<tbody class="line">/g)).toHaveLength(4);
  });

  it('breaks the tax down per rate (net, tax, gross), then totals, payment, tendered and change', () => {
    expect(html).toContain('<tr class="tax-rate"><td>A 7%</td><td class="num">5.32</td><td class="num">0.37</td><td class="num">5.69</td></tr>');
    expect(html).toContain('<tr class="tax-rate"><td>B 19%</td><td class="num">7.55</td><td class="num">1.44</td><td class="num">8.99</td></tr>');
    expect(printed(html)).toMatch(/Net 12\.87 Tax 1\.81 Total EUR 14\.68 Cash 14\.68 Tendered 20\.00 Change 5\.32 S1-T1-000042$/);
    expect(html).toContain('<tr class="change"><th scope="row">Change</th><td class="num">5.32</td></tr>');
  });

  it('shows a return as a return: its own number, the receipt it returns, restocked or written off per line, refunded in cash', () => {
    const text = printed(receiptHtml(RETURN, CONTEXT));
    expect(text).toMatch(/^Return S1-T1-000043 Corner Shop Store S1 Return Return no\. S1-T1-000043 Returns receipt S1-T1-000042 Till T1 Cashier Ben /);
    expect(text).toContain('Whole milk 1 l 2 × 1.19 2.38 A restocked Riesling 0.75 l 1 × 8.99 8.99 B written off (damaged)');
    expect(text).toMatch(/Total refunded EUR 11\.37 Refunded in cash 11\.37 S1-T1-000043$/);
    expect(text).not.toContain('Change');
  });

  it('escapes every text from data: a product called <script> prints as text and never runs', () => {
    const hostile = buildCashSale([item('x', '<script>alert("pwned")</script> & <b>bold</b>', '1', '1.00', 'reduced', '7')], '1', {
      id: 'sale-2',
      number: 2,
      store: STORE,
      till: { id: 'till-1', code: 'T1' },
      cashier: { id: 'cashier-1', name: '<img src=x onerror=alert(1)>' },
      completedAt: '2024-06-07T10:15:00.000Z',
    });
    const escaped = receiptHtml(hostile, { ...CONTEXT, store: { name: 'Tom & Jerry\'s "<Shop>"', code: 'S1' } });
    expect(escaped).not.toMatch(/<script|<b>|<img/i);
    expect(escaped).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(escaped).toContain('<h1>Tom &amp; Jerry&#39;s &quot;&lt;Shop&gt;&quot;</h1>');
    expect(escaped).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('receiptHtml: the receipt number as a barcode', () => {
  /** The barcode footer of a receipt: the SVG and the text under it. */
  function barcodeOf(html: string): { svg: string; text: string } | undefined {
    const footer = /<footer class="receipt-barcode">(<svg[\s\S]*?<\/svg>)<p>([^<]*)<\/p><\/footer>/.exec(html);
    return footer ? { svg: footer[1], text: footer[2] } : undefined;
  }

  it('prints the receipt number at the bottom as a Code 128 barcode that scans as the number, the number under it', () => {
    const html = receiptHtml(SALE, CONTEXT);
    const barcode = barcodeOf(html);
    expect(decodeCode128(modulesOfSvg(barcode?.svg ?? ''))).toBe('S1-T1-000042');
    expect(barcode?.text).toBe('S1-T1-000042');
    expect(html).toMatch(/<table class="payments">.*<\/table>\n<footer class="receipt-barcode">.*<\/footer>\n<\/body><\/html>$/);
  });

  it('is centred and sized for 80 mm paper: 0.25 mm modules (two dots at 203 dpi), 10 mm tall, within the 72 mm printed', () => {
    const html = receiptHtml(SALE, CONTEXT);
    expect(html).toContain('.receipt-barcode { margin-top: 4mm; text-align: center; }');
    expect(html).toContain('.receipt-barcode svg { display: block; margin: 0 auto 1mm; }');
    // 165 modules (see code128.test.ts) of 0.25 mm
    expect(barcodeOf(html)?.svg).toContain('width="41.25mm" height="10mm" viewBox="0 0 165 1"');
  });

  it('carries a return’s own number, not the number of the receipt it returns', () => {
    expect(decodeCode128(modulesOfSvg(barcodeOf(receiptHtml(RETURN, CONTEXT))?.svg ?? ''))).toBe('S1-T1-000043');
    expect(decodeCode128(modulesOfSvg(barcodeOf(receiptHtml(WITHOUT_RECEIPT, CONTEXT))?.svg ?? ''))).toBe('S1-T1-000053');
  });

  it('still prints the receipt, without a barcode, when the number holds a character Code 128 cannot carry or is too long for the paper', () => {
    const sale = (storeCode: string, tillCode: string) =>
      buildCashSale([item('milk', 'Whole milk 1 l', '1', '1.19', 'reduced', '7')], '2', {
        id: 'sale-70',
        number: 70,
        store: { ...STORE, code: storeCode },
        till: { id: 'till-1', code: tillCode },
        cashier: { id: 'cashier-1', name: 'Ada' },
        completedAt: '2024-06-07T10:15:00.000Z',
      });
    const umlaut = receiptHtml(sale('SÜD', 'T1'), CONTEXT);
    expect(umlaut).toContain('SÜD-T1-000070');
    expect(barcodeOf(umlaut)).toBeUndefined();
    // Long store and till codes: start, 31 characters, Code C, 3 digit pairs and check are 37 symbols,
    // (37 × 11 + 13 + 20) modules × 0.25 mm = 110 mm, wider than the 72 mm printed.
    const long = receiptHtml(sale('FLAGSHIP-BERLIN', 'EXPRESS-LANE-A'), CONTEXT);
    expect(long).toContain('FLAGSHIP-BERLIN-EXPRESS-LANE-A-000070');
    expect(barcodeOf(long)).toBeUndefined();
    expect(barcodeOf(receiptHtml(sale('S12', 'T7'), CONTEXT))?.text).toBe('S12-T7-000070');
  });
});

describe('receiptDateTime', () => {
  it('is the same explicit format in every time zone asked for, whatever the locale', () => {
    expect(receiptDateTime('2024-06-07T10:15:00.000Z', 'UTC')).toBe('2024-06-07 10:15:00');
    expect(receiptDateTime('2024-12-31T23:30:05.000Z', 'Europe/Berlin')).toBe('2025-01-01 00:30:05');
    expect(receiptDateTime('2024-06-07T00:00:00.000Z', 'UTC')).toBe('2024-06-07 00:00:00');
  });

  it('prints a timestamp it cannot read as it is', () => {
    expect(receiptDateTime('yesterday', 'UTC')).toBe('yesterday');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

// A day's sale with everything a receipt can show, in a store that rounds cash to 0.05:
//   Whole milk 1 l     3 x 1.19 = 3.57 at 7 %, 10 % off the line: 0.357 -> 0.36        (A)
//   Riesling 0.75 l    1 x 9.99 at 19 %, overridden from the shelf's 12.49 (Mia)       (B)
//   Coffee beans 500 g 1 x 8.99 at 7 %                                                  (A)
//   5 % off the order: (3.21 + 9.99 + 8.99) x 5 % = 22.19 x 5 % = 1.1095 -> 1.11, spread
//     milk 0.16, Riesling 0.50, coffee 0.45 (largest remainders 0.00973 and 0.00970 get a cent)
//   milk 3.57 - 0.36 - 0.16 = 3.05 (tax 0.20); Riesling 9.99 - 0.50 = 9.49 (tax 1.52); coffee 8.54 (tax 0.56)
//   A 7 %: 11.59, tax 0.76, net 10.83; B 19 %: 9.49, tax 1.52, net 7.97; total 21.08
//   printed: 3.57 - 0.36 + 9.99 + 8.99 - 1.11 = 21.08
//   paid 10.00 by card, 5.00 by voucher, 6.08 left -> 6.10 in cash (rounding 0.02), 10.00 handed over
const ROUNDING_STORE = { ...STORE, cashRounding: '0.05' };
const ADA = { id: 'cashier-1', name: 'Ada' };
const MIA = { id: 'manager-1', name: 'Mia' };
function documentContext(id: string, number: number, completedAt: string, extra: Partial<SaleContext> = {}): SaleContext {
  return { id, number, store: ROUNDING_STORE, till: { id: 'till-1', code: 'T1' }, cashier: ADA, completedAt, ...extra };
}
const DAY_SALE = buildSale(
  {
    items: [
      { ...item('milk', 'Whole milk 1 l', '3', '1.19', 'reduced', '7'), discount: { percent: '10', reason: 'loyalty', by: ADA } },
      { ...item('wine', 'Riesling 0.75 l', '1', '12.49', 'standard', '19'), priceOverride: { unitPrice: '9.99', reason: 'label torn', by: ADA, approvedBy: MIA } },
      item('coffee', 'Coffee beans 500 g', '1', '8.99', 'reduced', '7'),
    ],
    orderDiscount: { percent: '5', reason: 'staff', by: MIA },
    payments: [
      { tender: 'card', amount: '10', card: { brand: 'VISA', last4: '1234' } },
      { tender: 'voucher', amount: '5', voucher: { code: 'ABC123' } },
      { tender: 'cash', tendered: '10' },
    ],
  },
  documentContext('sale-50', 50, '2024-06-07T10:15:00.000Z', { customer: { id: 'customer-1', name: 'Jane Doe' } }),
);
// The Riesling back first: its share of the order discount is 0.50, refund 9.49, all to the card (it paid 10.00).
const RIESLING_BACK = buildReturn(DAY_SALE, [{ productId: 'wine', quantity: '1', restock: true }], [], documentContext('return-51', 51, '2024-06-08T10:15:00.000Z'));
// Then the coffee (8.99 - 0.45 = 8.54) and one milk (discounts 0.36 + 0.16 = 0.52, a third: 0.17; 1.19 - 0.17 = 1.02):
// 9.56, of which 10.00 - 9.49 = 0.51 to the card, 5.00 to the voucher, 4.05 in cash.
const REST_BACK = buildReturn(
  DAY_SALE,
  [
    { productId: 'coffee', quantity: '1', restock: true },
    { productId: 'milk', quantity: '1', restock: false },
  ],
  [RIESLING_BACK],
  documentContext('return-52', 52, '2024-06-08T10:20:00.000Z'),
);
// A milk brought back without its receipt, Mia approving: 1.19 at the shelf, 1.20 in cash (rounding 0.01).
const WITHOUT_RECEIPT = buildReturnWithoutReceipt(
  [{ product: { id: 'milk', sku: 'SKU-milk', name: 'Whole milk 1 l', unit: 'piece', price: '1.19', taxClass: 'reduced' }, quantity: '1', taxRatePercent: '7', restock: true }],
  MIA,
  documentContext('return-53', 53, '2024-06-08T10:25:00.000Z'),
);

describe('receiptText: discounts, overrides, split payments and cash rounding', () => {
  it('prints the customer, each line before its discount, the discount under it, the shelf price an override replaced, the order discount, the cash rounding and each tender', () => {
    expect(receiptText(DAY_SALE, CONTEXT)).toBe(
      [
        '                  Corner Shop',
        '                    Store S1',
        '------------------------------------------------',
        '                    RECEIPT',
        'Receipt no.                         S1-T1-000050',
        'Till                                          T1',
        'Cashier                                      Ada',
        'Customer                                Jane Doe',
        'Date                         2024-06-07 12:15:00',
        '------------------------------------------------',
        'Whole milk 1 l',
        '  3 x 1.19                                3.57 A',
        '  Discount 10 %                          -0.36',
        'Riesling 0.75 l',
        '  1 x 9.99                                9.99 B',
        '  Shelf price 12.49',
        'Coffee beans 500 g',
        '  1 x 8.99                                8.99 A',
        'Order discount 5 %                       -1.11',
        '------------------------------------------------',
        'Tax                Net          Tax        Gross',
        'A 7%             10.83         0.76        11.59',
        'B 19%             7.97         1.52         9.49',
        '------------------------------------------------',
        'Net                                        18.80',
        'Tax                                         2.28',
        'TOTAL EUR                                  21.08',
        'Cash rounding                               0.02',
        '------------------------------------------------',
        'Card VISA ****1234                         10.00',
        'Voucher ABC123                              5.00',
        'Cash                                        6.10',
        'Tendered                                   10.00',
        'Change                                      3.90',
        '',
      ].join('\n'),
    );
  });

  it('prints a refund per tender: back to the card, the voucher, the rest in cash, with each line’s share of the discounts', () => {
    expect(receiptText(RIESLING_BACK, CONTEXT)).toContain(['Riesling 0.75 l', '  1 x 9.99                                9.99 A', '  Discount                               -0.50', '  restocked'].join('\n'));
    expect(receiptText(RIESLING_BACK, CONTEXT)).toMatch(/TOTAL REFUNDED EUR {26}9\.49\n-{48}\nRefunded to card VISA \*{4}1234 {14}9\.49\n$/);
    const text = receiptText(REST_BACK, CONTEXT);
    expect(text).toContain(['Whole milk 1 l', '  1 x 1.19                                1.19 A', '  Discount                               -0.17', '  written off (damaged)'].join('\n'));
    expect(text).toMatch(
      /TOTAL REFUNDED EUR {26}9\.56\n-{48}\nRefunded to card VISA \*{4}1234 {14}0\.51\nRefunded to voucher ABC123 {18}5\.00\nRefunded in cash {28}4\.05\n$/,
    );
  });

  it('prints a return without a receipt with the manager who approved it, and the cash rounding of the refund', () => {
    const text = receiptText(WITHOUT_RECEIPT, CONTEXT);
    expect(text).toContain(
      ['Return no.                          S1-T1-000053', 'Returns receipt                             none', 'Approved by                                  Mia', 'Till                                          T1'].join('\n'),
    );
    expect(text).toMatch(/TOTAL REFUNDED EUR {26}1\.19\nCash rounding {31}0\.01\n-{48}\nRefunded in cash {28}1\.20\n$/);
  });

  it('prices excluding tax: prints quantity x price per line, the tax added in the breakdown', () => {
    // 3 x 1.19 = 3.57 net; tax 3.57 x 7 % = 0.2499 -> 0.25; total 3.82
    const excluding = buildCashSale([item('milk', 'Whole milk 1 l', '3', '1.19', 'reduced', '7')], '5', {
      ...documentContext('sale-60', 60, '2024-06-07T10:15:00.000Z'),
      store: { ...STORE, pricing: { ...RULES, pricesIncludeTax: false } },
    });
    const text = receiptText(excluding, CONTEXT);
    expect(text).toContain('  3 x 1.19                                3.57 A\n');
    expect(text).toContain('A 7%              3.57         0.25         3.82\n');
    expect(text).toContain('TOTAL EUR                                   3.82\n');
  });

  it('keeps every line to the width, wrapping a long customer name and card brand', () => {
    const long = buildSale(
      { items: [item('milk', 'Whole milk 1 l', '1', '1.19', 'reduced', '7')], payments: [{ tender: 'card', amount: '1.19', card: { brand: 'Carte Bancaire Internationale', last4: '0042' } }] },
      documentContext('sale-61', 61, '2024-06-07T10:15:00.000Z', { customer: { id: 'customer-2', name: 'Maria-Magdalena von Hohenzollern-Sigmaringen und Thurn' } }),
    );
    const text = receiptText(long, CONTEXT);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(48);
    expect(text).toContain(`Customer\nMaria-Magdalena von Hohenzollern-Sigmaringen und\n${' '.repeat(43)}Thurn\n`);
    expect(text).toContain('Card Carte Bancaire Internationale ****0042 1.19\n');
  });
});

describe('receiptHtml: discounts, overrides, split payments and cash rounding', () => {
  const html = receiptHtml(DAY_SALE, CONTEXT);

  it('shows the customer, the line discount, the shelf price, the order discount, the cash rounding and each tender', () => {
    expect(html).toContain('<tr class="customer"><th scope="row">Customer</th><td class="num">Jane Doe</td></tr>');
    expect(html).toContain('<tr class="line-discount"><td class="line-detail">Discount 10 %</td><td class="num">-0.36</td><td class="mark"></td></tr>');
    expect(html).toContain('<tr class="shelf-price"><td class="note" colspan="3">Shelf price 12.49</td></tr>');
    expect(html).toContain('<tbody class="order-discount"><tr><td>Order discount 5 %</td><td class="num">-1.11</td><td class="mark"></td></tr></tbody>');
    expect(html).toContain('<tr class="cash-rounding"><th scope="row">Cash rounding</th><td class="num">0.02</td></tr>');
    expect(printed(html)).toMatch(/Total EUR 21\.08 Cash rounding 0\.02 Card VISA \*{4}1234 10\.00 Voucher ABC123 5\.00 Cash 6\.10 Tendered 10\.00 Change 3\.90 S1-T1-000050$/);
  });

  it('shows refunds per tender and the approval of a return without a receipt', () => {
    expect(printed(receiptHtml(REST_BACK, CONTEXT))).toMatch(/Refunded to card VISA \*{4}1234 0\.51 Refunded to voucher ABC123 5\.00 Refunded in cash 4\.05 S1-T1-000052$/);
    expect(printed(receiptHtml(WITHOUT_RECEIPT, CONTEXT))).toMatch(/Return no\. S1-T1-000053 Returns receipt none Approved by Mia Till T1 /);
  });

  it('escapes the customer, the approver, the card brand and the voucher code', () => {
    const hostile = buildSale(
      {
        items: [item('milk', 'Whole milk 1 l', '1', '9.99', 'reduced', '7')],
        payments: [
          { tender: 'card', amount: '5', card: { brand: '<i>VISA</i>', last4: '1234' } },
          { tender: 'voucher', amount: '4.99', voucher: { code: '"><img src=x>' } },
        ],
      },
      documentContext('sale-62', 62, '2024-06-07T10:15:00.000Z', { customer: { id: 'customer-3', name: '<b>Jane</b> & "Co"' } }),
    );
    const escaped = receiptHtml(hostile, CONTEXT);
    expect(escaped).not.toMatch(/<i>|<b>|<img/i);
    expect(escaped).toContain('<td class="num">&lt;b&gt;Jane&lt;/b&gt; &amp; &quot;Co&quot;</td>');
    expect(escaped).toContain('Card &lt;i&gt;VISA&lt;/i&gt; ****1234');
    expect(escaped).toContain('Voucher &quot;&gt;&lt;img src=x&gt;');
    const approved = receiptHtml(
      buildReturnWithoutReceipt(
        [{ product: { id: 'milk', sku: 'SKU-milk', name: 'Whole milk 1 l', unit: 'piece', price: '1.19', taxClass: 'reduced' }, quantity: '1', taxRatePercent: '7', restock: true }],
        { id: 'manager-2', name: '<script>alert(1)</script>' },
        documentContext('return-63', 63, '2024-06-08T10:25:00.000Z'),
      ),
      CONTEXT,
    );
    expect(approved).not.toContain('<script>');
    expect(approved).toContain('<tr class="approved-by"><th scope="row">Approved by</th><td class="num">&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>');
  });
});

describe('a return’s reasons on its receipt', () => {
  const withReasons = buildReturn(
    SALE,
    [
      { productId: 'milk', quantity: '1', restock: true, reason: 'Not wanted' },
      { productId: 'wine', quantity: '1', restock: false, reason: 'Other: the cork crumbled into the wine when opened at home' },
    ],
    [],
    { id: 'return-44', number: 44, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier: { id: 'cashier-2', name: 'Ben' }, completedAt: '2024-06-08T16:05:09.000Z' },
  );

  it('prints each line’s reason under where its goods went, wrapped to the paper', () => {
    const text = receiptText(withReasons, CONTEXT).split('\n');
    const wine = text.indexOf('Riesling 0.75 l');
    expect(text.slice(wine, wine + 5)).toEqual(['Riesling 0.75 l', '  1 x 8.99                                8.99 B', '  written off (damaged)', '  Reason: Other: the cork crumbled into the wine', '  when opened at home']);
    expect(text).toContain('  Reason: Not wanted');
  });

  it('shows the reason in the HTML receipt, escaped like every text from data', () => {
    expect(printed(receiptHtml(withReasons, CONTEXT))).toContain('Whole milk 1 l 1 × 1.19 1.19 A restocked Reason: Not wanted Riesling');
    const odd = { ...withReasons, lines: withReasons.lines.map((line) => ({ ...line, returnReason: '<b>Faulty</b>' })) };
    expect(receiptHtml(odd, CONTEXT)).toContain('Reason: &lt;b&gt;Faulty&lt;/b&gt;');
  });

  it('prints no reason on a return made before reasons existed', () => {
    expect(receiptText(RETURN, CONTEXT)).not.toContain('Reason:');
  });
});

describe('the store on the paper: address, VAT number, footer, copies, and its own way of writing', () => {
  const SHOP = {
    ...STORE,
    address: 'Market Street 1\n\n10115 Berlin  \nTel. 030 123456',
    vatNumber: 'DE123456789',
    receiptFooter: 'Thank you for shopping with us!\nReturns within 30 days with this receipt.',
  };

  it('prints the address lines and VAT number under the store’s name, and the footer after the payments', () => {
    const text = receiptText(SALE, { ...CONTEXT, store: SHOP }).split('\n');
    expect(text.slice(0, 7)).toEqual([
      '                  Corner Shop',
      '                Market Street 1',
      '                  10115 Berlin',
      '                Tel. 030 123456',
      '              VAT no. DE123456789',
      '                    Store S1',
      '------------------------------------------------',
    ]);
    expect(text.slice(-5)).toEqual([
      'Change                                      5.32',
      '------------------------------------------------',
      '        Thank you for shopping with us!',
      '   Returns within 30 days with this receipt.',
      '',
    ]);
    // The rest of the receipt is the worked example's.
    expect(receiptText(SALE, { ...CONTEXT, store: SHOP })).toContain(receiptText(SALE, CONTEXT).split('\n').slice(2).join('\n').trimEnd());
  });

  it('shows them in the HTML receipt too: the footer between the payments and the barcode', () => {
    const html = receiptHtml(SALE, { ...CONTEXT, store: SHOP });
    expect(printed(html)).toMatch(/^Receipt S1-T1-000042 Corner Shop Market Street 1 10115 Berlin Tel\. 030 123456 VAT no\. DE123456789 Store S1 Receipt /);
    expect(printed(html)).toMatch(/Change 5\.32 Thank you for shopping with us! Returns within 30 days with this receipt\. S1-T1-000042$/);
    expect(html).toContain('<p class="store-address">Market Street 1<br>10115 Berlin<br>Tel. 030 123456</p>');
    expect(html).toMatch(/<\/table>\n<p class="receipt-footer">[^\n]*<\/p>\n<footer class="receipt-barcode">/);
  });

  it('prints nothing of them for a store that has none, and nothing for a VAT number of spaces', () => {
    expect(receiptHtml(SALE, { ...CONTEXT, store: { ...STORE, vatNumber: '  ', address: '\n' } })).toBe(receiptHtml(SALE, CONTEXT));
  });

  it('wraps a long address or footer line to the paper', () => {
    const long = { ...STORE, receiptFooter: 'Open Monday to Saturday from eight in the morning until eight in the evening' };
    const text = receiptText(SALE, { ...CONTEXT, store: long });
    expect(text).toContain('\n   Open Monday to Saturday from eight in the\n       morning until eight in the evening\n');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(48);
  });

  it('escapes the address, VAT number and footer: a footer with <script> prints as text', () => {
    const hostile = { ...STORE, address: '<img src=x onerror=alert(1)>', vatNumber: '"><b>', receiptFooter: '<script>alert("footer")</script>' };
    const html = receiptHtml(SALE, { ...CONTEXT, store: hostile });
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;footer&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('VAT no. &quot;&gt;&lt;b&gt;');
  });

  it('says COPY at the top and the bottom of a copy, and never on the first print', () => {
    const text = receiptText(SALE, { ...CONTEXT, store: SHOP, copy: true }).split('\n');
    expect(text.slice(0, 3)).toEqual(['                  *** COPY ***', '------------------------------------------------', '                  Corner Shop']);
    expect(text.slice(-4)).toEqual(['   Returns within 30 days with this receipt.', '------------------------------------------------', '                  *** COPY ***', '']);
    const html = receiptHtml(SALE, { ...CONTEXT, copy: true });
    expect(printed(html)).toMatch(/^Receipt S1-T1-000042 COPY Corner Shop /);
    expect(printed(html)).toMatch(/Change 5\.32 S1-T1-000042 COPY$/);
    expect(html.match(/<p class="copy">COPY<\/p>/g)).toHaveLength(2);
    expect(receiptText(SALE, { ...CONTEXT, copy: false })).toBe(receiptText(SALE, CONTEXT));
    expect(receiptHtml(SALE, CONTEXT)).not.toContain('COPY');
  });

  it('writes the date, time and amounts as a store with a locale does, in its time zone', () => {
    const german = { ...STORE, locale: 'de-DE', timeZone: 'Europe/Berlin' };
    // No time zone given by the till: the store's. 10:15 UTC is 12:15 in Berlin.
    const text = receiptText(SALE, { store: german, till: { code: 'T1' } });
    expect(text).toContain('\nDate                          07.06.24, 12:15:00\n');
    expect(text).toContain('\n  0,375 kg x 2,49                         0,93 A\n');
    expect(text).toContain('\nA 7%              5,32         0,37         5,69\n');
    expect(text).toContain('\nTOTAL EUR                                  14,68\n');
    expect(text).toContain('\nTendered                                   20,00\n');
    const html = printed(receiptHtml(SALE, { store: german, till: { code: 'T1' } }));
    expect(html).toContain('Date 07.06.24, 12:15:00');
    expect(html).toContain('Net 12,87 Tax 1,81 Total EUR 14,68 Cash 14,68 Tendered 20,00 Change 5,32');
  });

  it('takes the store’s time zone without a locale, keeping the fixed format; a time zone the till gives wins', () => {
    const newYork = { ...STORE, timeZone: 'America/New_York' };
    expect(receiptText(SALE, { store: newYork, till: { code: 'T1' } })).toContain('\nDate                         2024-06-07 06:15:00\n');
    expect(receiptText(SALE, { store: newYork, till: { code: 'T1' }, timeZone: 'Europe/Berlin' })).toContain('\nDate                         2024-06-07 12:15:00\n');
  });

  it('prints a French store’s grouped amounts with plain spaces, so a line printer gets ASCII and columns keep their width', () => {
    const big = buildCashSale([item('tv', 'Television', '1', '1234.5', 'standard', '19')], '1300', {
      id: 'sale-7',
      number: 7,
      store: STORE,
      till: { id: 'till-1', code: 'T1' },
      cashier: { id: 'cashier-1', name: 'Ada' },
      completedAt: '2024-06-07T10:15:00.000Z',
    });
    const text = receiptText(big, { store: { ...STORE, locale: 'fr-FR', timeZone: 'Europe/Paris' }, till: { code: 'T1' } });
    expect(text).toContain('\nTOTAL EUR                               1 234,50\n');
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });
});

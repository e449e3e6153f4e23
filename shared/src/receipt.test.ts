import { describe, expect, it } from 'vitest';
import type { PricingRules } from './pricing.js';
import { escapeHtml, receiptDateTime, receiptHtml, receiptText, type ReceiptContext } from './receipt.js';
import { buildReturn, buildCashSale, type CartItem } from './sale.js';

const RULES: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };
const STORE = { id: 'store-1', code: 'S1', name: 'Corner Shop', currency: 'EUR', pricing: RULES };
const CONTEXT: ReceiptContext = { store: STORE, till: { code: 'T1' }, timeZone: 'Europe/Berlin' };

function item(id: string, name: string, quantity: string, price: string, taxClass: string, taxRatePercent: string, unit: 'piece' | 'kg' = 'piece'): CartItem {
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

/** The HTML without its tags, whitespace collapsed: what the printed paper says. */
function printed(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

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
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import|https?:/i);
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
    expect(printed(html)).toMatch(/Net 12\.87 Tax 1\.81 Total EUR 14\.68 Cash 14\.68 Tendered 20\.00 Change 5\.32$/);
    expect(html).toContain('<tr class="change"><th scope="row">Change</th><td class="num">5.32</td></tr>');
  });

  it('shows a return as a return: its own number, the receipt it returns, restocked or written off per line, refunded in cash', () => {
    const text = printed(receiptHtml(RETURN, CONTEXT));
    expect(text).toMatch(/^Return S1-T1-000043 Corner Shop Store S1 Return Return no\. S1-T1-000043 Returns receipt S1-T1-000042 Till T1 Cashier Ben /);
    expect(text).toContain('Whole milk 1 l 2 × 1.19 2.38 A restocked Riesling 0.75 l 1 × 8.99 8.99 B written off (damaged)');
    expect(text).toMatch(/Total refunded EUR 11\.37 Refunded in cash 11\.37$/);
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

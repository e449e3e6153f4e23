import { expect, test } from '@playwright/test';
import { centralStock } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/** "2.38 EUR" as the till shows it, "2.38" as the receipt prints it. */
const amount = (shown: string) => shown.replace(/ EUR$/, '');

/**
 * Receipts with the server down: F7 prints the sale just completed through the browser's print
 * (a hidden, sandboxed frame holding the receipt the till rendered); F6 lists the till's receipts,
 * newest first, finds one by its number and prints it again, the same marked COPY; a return's completion notice
 * prints the return's receipt.
 */
test('a sale completed offline prints with F7, and F6 finds it and prints it again as a copy', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'receipt', async ({ server, page, till }) => {
    // Two tax rates on one receipt: milk at the reduced rate, wine at the standard one.
    const { products } = await centralStock(server);
    const milk = products.find((row) => row.name.includes('Whole Milk'))!;
    const wine = products.find((row) => row.name.includes('Red Wine'))!;
    const cola = products.find((row) => row.name.includes('Cola'))!;
    // The till holds the catalogue before the server goes.
    for (const product of [milk, wine, cola]) await till.expectStock(product.sku, Number(product.quantity));

    await server.stop();
    await expect(till.syncState).toHaveText('Offline');
    await till.search(milk.sku);
    const milkPrice = amount(await till.result(milk.sku).locator('.search-results__price').innerText());
    await till.result(milk.sku).click();
    await till.setQuantity(milk.name, '2');
    await expect(till.cartLine(milk.sku).getByRole('textbox')).toHaveValue('2');
    await till.search(wine.sku);
    const winePrice = amount(await till.result(wine.sku).locator('.search-results__price').innerText());
    await till.result(wine.sku).click();
    const milkTotal = amount(await till.cartLine(milk.sku).getByTestId('line-total').innerText());
    const wineTotal = amount(await till.cartLine(wine.sku).getByTestId('line-total').innerText());
    const total = amount(await till.total());
    const sale = await till.payCash('50');
    expect(sale.receiptNumber).toBe('S1-T1-000001');
    await expect(page.getByTestId('last-sale').getByRole('button', { name: 'Print receipt (F7)' })).toBeVisible();

    // F7: the receipt the till rendered, in the frame the browser printed, with every line and the total.
    await expect(page.locator('iframe[data-testid="receipt-print-frame"]')).toHaveCount(0);
    await page.keyboard.press('F7');
    const frame = page.locator('iframe[data-testid="receipt-print-frame"]');
    await expect(frame).toHaveAttribute('data-printed', 'true');
    await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin allow-modals');
    // As laid out for paper (innerText: cells apart, the title in capitals as printed).
    const receipt = () => till.printedReceipt.locator('body').innerText();
    await expect.poll(receipt).toMatch(new RegExp(`Receipt no\\.\\s+${sale.receiptNumber}`));
    const printed = await receipt();
    // The demo store's header and footer; the first print of a sale is the original, not a copy.
    expect(printed).toMatch(/Kassa Demo Store\s+Market Street 1\s+10115 Berlin\s+Tel\. 030 1234567\s+VAT no\. DE123456789\s+Store S1\s+RECEIPT/);
    expect(printed).toMatch(/Thank you for shopping with us!\s+Returns within 30 days with this receipt\.\s+S1-T1-000001$/);
    expect(printed).not.toContain('COPY');
    expect(printed).toMatch(/Till\s+T1\s+Cashier\s+Alex Cashier\s+Date\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    expect(printed).toMatch(new RegExp(`${literal(milk.name)}\\s+2 × ${literal(milkPrice)}\\s+${literal(milkTotal)}\\s+A`));
    expect(printed).toMatch(new RegExp(`${literal(wine.name)}\\s+1 × ${literal(winePrice)}\\s+${literal(wineTotal)}\\s+B`));
    expect(printed).toMatch(/A 7%\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+B 20%/);
    expect(printed).toMatch(new RegExp(`Total EUR\\s+${literal(total)}\\s+Cash\\s+${literal(total)}\\s+Tendered\\s+50\\.00\\s+Change\\s+${literal(amount(sale.change))}`));
    await expect(till.printedReceipt.locator('script')).toHaveCount(0);
    // The keys still reach the till (a scanner types into the page, not into the receipt's frame).
    await expect(till.searchBox).toBeFocused();

    // A second sale, so the reprint below has to find the first.
    await till.search(cola.sku);
    await till.result(cola.sku).click();
    const second = await till.payCash('10');
    expect(second.receiptNumber).toBe('S1-T1-000002');
    await page.getByTestId('print-last-receipt').click();
    await expect.poll(receipt).toContain(second.receiptNumber);

    // F6: newest first; typing the number narrows the list, Enter prints it, the same as the first
    // time but marked COPY at the top and the bottom.
    await page.keyboard.press('F6');
    const dialog = page.getByTestId('reprint-dialog');
    await expect(dialog.getByTestId('reprint-row')).toHaveCount(2);
    await expect(dialog.getByTestId('reprint-row').first()).toHaveAttribute('data-receipt', second.receiptNumber);
    await expect(dialog.getByTestId('reprint-row').first()).toContainText('Sale');
    await expect(dialog.getByTestId('reprint-row').nth(1)).toContainText(`${sale.receiptNumber}`);
    await expect(dialog.getByTestId('reprint-row').nth(1)).toContainText(`${total} EUR`);
    await dialog.getByLabel('Receipt number').fill(sale.receiptNumber);
    await expect(dialog.getByTestId('reprint-row')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('reprint-outcome')).toHaveText(`Receipt ${sale.receiptNumber} sent to the printer.`);
    await expect.poll(receipt).toMatch(/^COPY\s/);
    expect((await receipt()).replace(/^COPY\s+/, '').replace(/\s+COPY$/, '')).toBe(printed);
    // A row's own Print button, then Escape closes the dialog wherever the focus is.
    await dialog.getByLabel('Receipt number').fill('');
    await dialog.getByRole('button', { name: `Print receipt ${second.receiptNumber}` }).click();
    await expect.poll(receipt).toContain(second.receiptNumber);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // A return's completion notice prints the return: its own number, the receipt it returns, restocked.
    await page.keyboard.press('F8');
    const returnDialog = page.getByTestId('return-dialog');
    await returnDialog.getByLabel('Receipt number').fill(sale.receiptNumber);
    await returnDialog.getByRole('button', { name: 'Find' }).click();
    await returnDialog.getByLabel(`Returned quantity of ${milk.name}`).fill('1');
    await till.chooseReturnReason(returnDialog, milk.name, 'Faulty');
    await returnDialog.getByRole('button', { name: 'Complete return' }).click();
    await expect(returnDialog).toBeHidden();
    await page.getByTestId('notice').getByRole('button', { name: 'Print receipt (F7)' }).click();
    await expect.poll(receipt).toMatch(/Return no\.\s+S1-T1-000003/);
    const returned = await receipt();
    expect(returned).toMatch(new RegExp(`Returns receipt\\s+${sale.receiptNumber}`));
    expect(returned).toMatch(new RegExp(`${literal(milk.name)}\\s+1 × ${literal(milkPrice)}\\s+${literal(milkPrice)}\\s+A\\s+restocked\\s+Reason: Faulty`));
    expect(returned).toMatch(new RegExp(`Total refunded EUR\\s+${literal(milkPrice)}\\s+Refunded in cash\\s+${literal(milkPrice)}`));
  });
});

/** A literal string for a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

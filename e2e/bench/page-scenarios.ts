/**
 * Scenarios that run inside the till's page (page.evaluate): they drive the till's own UI and code
 * the way a scanner and a cashier do, and time each step to the next painted frame. Each function is
 * self-contained because Playwright sends it to the page as source.
 */

/** Scan → line in the cart and the total updated, to the next painted frame. */
export async function barcodeScans({ scans, productCount, seed }: { scans: number; productCount: number; seed: number }): Promise<number[]> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const kassa = (window as unknown as { kassaTill: { catalog: { product(id: string): { barcodes: string[]; sku: string; unit: string } | undefined } } }).kassaTill;
  const input = document.querySelector<HTMLInputElement>('#product-search')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const total = () => document.querySelector('[data-testid="total"]')?.textContent ?? '';
  const clearCart = async () => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('.cart-line__remove')) button.click();
    await nextPaint();
  };
  const timings: number[] = [];
  for (let index = 0; index < scans; index++) {
    if (index % 20 === 0) await clearCart();
    let product = kassa.catalog.product(`p-${String(1 + Math.floor(random() * productCount)).padStart(6, '0')}`)!;
    // Loose goods scanned by their own barcode ask for a weight: the scans timed here ring up at once.
    while (product.unit === 'kg') product = kassa.catalog.product(`p-${String(1 + Math.floor(random() * productCount)).padStart(6, '0')}`)!;
    // The scanner has typed the digits; what is timed is its Enter, as in the shop.
    setValue.call(input, product.barcodes[0]);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await nextPaint();
    const before = total();
    const start = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    while (!document.querySelector(`[data-testid="cart-line"][data-sku="${product.sku}"]`) || total() === before) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (performance.now() - start > 5000) throw new Error(`scan of ${product.barcodes[0]} did not reach the cart`);
    }
    timings.push((await nextPaint()) - start);
  }
  await clearCart();
  return timings;
}

/** Search as you type: each keystroke of a query to the results shown, to the next painted frame. */
export async function searchKeystrokes({ queries, productCount, seed }: { queries: number; productCount: number; seed: number }): Promise<number[]> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const kassa = (window as unknown as { kassaTill: { catalog: { product(id: string): { name: string } | undefined } } }).kassaTill;
  const input = document.querySelector<HTMLInputElement>('#product-search')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const timings: number[] = [];
  for (let query = 0; query < queries; query++) {
    const name = kassa.catalog.product(`p-${String(1 + Math.floor(random() * productCount)).padStart(6, '0')}`)!.name;
    // What a cashier types: the start of two words of the name, e.g. "nord mil".
    const words = name.split(' ').filter((word) => word.length > 1);
    const first = Math.floor(random() * Math.max(1, words.length - 1));
    const text = words
      .slice(first, first + 2)
      .map((word) => word.slice(0, 3 + Math.floor(random() * 3)))
      .join(' ')
      .toLowerCase();
    setValue.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await nextPaint();
    for (let length = 1; length <= text.length; length++) {
      const typed = text.slice(0, length);
      const start = performance.now();
      setValue.call(input, typed);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (input.value !== typed || document.querySelector('.search-results')?.getAttribute('data-query') !== typed) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (performance.now() - start > 5000) throw new Error(`results for "${typed}" never showed`);
      }
      timings.push((await nextPaint()) - start);
    }
  }
  setValue.call(input, '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return timings;
}

/** A sale of 5 lines: from the pay key to the sale stored and the stock shown updated, to the next frame. */
export async function completeSales({ sales, productCount, seed }: { sales: number; productCount: number; seed: number }): Promise<number[]> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  type Kassa = {
    catalog: { product(id: string): { barcodes: string[]; unit: string } | undefined };
    stock: { quantity(id: string): string };
    db: { sales: { findOne(query: unknown): { exec(): Promise<{ number: number } | null> } } };
  };
  const kassa = (window as unknown as { kassaTill: Kassa }).kassaTill;
  const input = document.querySelector<HTMLInputElement>('#product-search')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const waitFor = async (check: () => boolean, what: string) => {
    const start = performance.now();
    while (!check()) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (performance.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
    }
  };
  const timings: number[] = [];
  for (let sale = 0; sale < sales; sale++) {
    const ids = new Set<string>();
    while (ids.size < 5) {
      const id = `p-${String(1 + Math.floor(random() * productCount)).padStart(6, '0')}`;
      // Loose goods scanned by their own barcode ask for a weight; these sales take pieces only.
      if (kassa.catalog.product(id)!.unit !== 'kg') ids.add(id);
    }
    for (const id of ids) {
      setValue.call(input, kassa.catalog.product(id)!.barcodes[0]);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    }
    await waitFor(() => document.querySelectorAll('[data-testid="cart-line"]').length === 5, 'five lines in the cart');
    await nextPaint();
    const before = new Map([...ids].map((id) => [id, Number(kassa.stock.quantity(id))]));
    const lastReceipt = document.querySelector('[data-testid="last-sale-number"]')?.textContent ?? '';
    const start = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F12', bubbles: true, cancelable: true }));
    await waitFor(() => document.querySelector('form button[type="submit"]') !== null, 'the payment dialog');
    // The till's dialogs are native <dialog> elements (their role is implicit, not an attribute).
    document.querySelector<HTMLFormElement>('dialog[open] form')!.requestSubmit();
    await waitFor(() => {
      const receipt = document.querySelector('[data-testid="last-sale-number"]')?.textContent ?? '';
      return receipt !== '' && receipt !== lastReceipt && [...ids].every((id) => Number(kassa.stock.quantity(id)) < before.get(id)!);
    }, 'the completed sale');
    timings.push((await nextPaint()) - start);
  }
  return timings;
}

/** Completes sales through the till's recorder as fast as it goes (for the offline backlog). */
export async function recordSales({ sales, productCount, seed }: { sales: number; productCount: number; seed: number }): Promise<{ ms: number; sold: Record<string, number> }> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  type Product = { id: string; price: string; taxClass: string };
  type Kassa = {
    settings: { tillId: string; tillCode: string };
    catalog: { product(id: string): Product | undefined; taxRatePercent(product: Product): string | undefined; store: unknown; till: { lastNumber: number } | undefined };
    recorder: { completeCashSale(items: unknown[], tendered: string, context: unknown): Promise<unknown> };
  };
  const kassa = (window as unknown as { kassaTill: Kassa }).kassaTill;
  const sold: Record<string, number> = {};
  const start = performance.now();
  for (let sale = 0; sale < sales; sale++) {
    const lines = 1 + Math.floor(random() * 5);
    const ids = new Set<string>();
    while (ids.size < lines) ids.add(`p-${String(1 + Math.floor(random() * productCount)).padStart(6, '0')}`);
    const items = [...ids].map((id) => {
      const product = kassa.catalog.product(id)!;
      sold[id] = (sold[id] ?? 0) + 1;
      return { product, quantity: '1', taxRatePercent: kassa.catalog.taxRatePercent(product)! };
    });
    await kassa.recorder.completeCashSale(items, '10000', {
      store: kassa.catalog.store,
      till: { id: kassa.settings.tillId, code: kassa.settings.tillCode },
      cashier: { id: 'cashier-bench', name: 'Bench' },
      serverLastNumber: () => kassa.catalog.till?.lastNumber ?? 0,
    });
  }
  return { ms: performance.now() - start, sold };
}

/** Every product this till has sold, summed over all its stored sales. */
export async function soldByThisTill(): Promise<Record<string, number>> {
  type Kassa = { db: { sales: { find(): { exec(): Promise<{ toJSON(): { lines: { productId: string; quantity: string }[] } }[]> } } } };
  const kassa = (window as unknown as { kassaTill: Kassa }).kassaTill;
  const sold: Record<string, number> = {};
  for (const sale of await kassa.db.sales.find().exec()) {
    for (const line of sale.toJSON().lines) sold[line.productId] = (sold[line.productId] ?? 0) + Number(line.quantity);
  }
  return sold;
}

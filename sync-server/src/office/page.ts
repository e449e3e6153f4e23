import { DEFAULT_LARGEST_NOTE, DEFAULT_STORE_LIMITS } from '../../../shared/src/index.js';

/**
 * The page's copy of shared/src/format.ts's storeFormatter, as plain browser JavaScript (the page
 * has no build step): dates, times and amounts written as the store writes them, so head office
 * reads the same "2026-12-07 00:53:11" (or the store locale's "07.12.26, 00:53:11") as the till's
 * screen and receipts. store-settings.test.ts holds the two to the same output.
 */
export const OFFICE_FORMAT_SCRIPT = String.raw`function storeFormatter(store) {
  const works = (make) => { try { make(); return true; } catch (error) { return false; } };
  const timeZone = store && store.timeZone && works(() => new Intl.DateTimeFormat('en-US', { timeZone: store.timeZone })) ? store.timeZone : undefined;
  const locale = store && store.locale && works(() => new Intl.DateTimeFormat(store.locale)) ? store.locale : undefined;
  const fixed = new Intl.DateTimeFormat('en-US', { numberingSystem: 'latn', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone });
  const fixedParts = (date) => {
    const parts = fixed.formatToParts(date);
    const part = (type) => (parts.find((candidate) => candidate.type === type) || { value: '' }).value;
    return { date: part('year') + '-' + part('month') + '-' + part('day'), minutes: part('hour') + ':' + part('minute'), seconds: part('second') };
  };
  const styled = (options) => new Intl.DateTimeFormat(locale, Object.assign({ timeZone }, options));
  const localised = locale ? {
    dateTime: styled({ dateStyle: 'short', timeStyle: 'medium' }), dateTimeToMinute: styled({ dateStyle: 'short', timeStyle: 'short' }),
    date: styled({ dateStyle: 'short' }), time: styled({ timeStyle: 'medium' }), timeToMinute: styled({ timeStyle: 'short' }),
  } : null;
  const moment = (iso) => { const date = new Date(iso); return Number.isNaN(date.getTime()) ? null : date; };
  const formatter = {
    // Amounts as the server keeps them, already to the currency's places: only grouped and separated.
    amount(value, decimals) {
      if (locale) return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
      const [whole, fraction = ''] = String(value).split('.');
      const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      return (whole.startsWith('-') ? '-' : '') + digits + (decimals > 0 ? '.' + fraction.padEnd(decimals, '0') : '');
    },
    dateTime(iso, options) {
      const date = moment(iso);
      const seconds = !options || options.seconds !== false;
      if (!date) return iso;
      if (localised) return (seconds ? localised.dateTime : localised.dateTimeToMinute).format(date);
      const parts = fixedParts(date);
      return parts.date + ' ' + parts.minutes + (seconds ? ':' + parts.seconds : '');
    },
    date(iso) {
      const date = moment(iso);
      if (!date) return iso;
      return localised ? localised.date.format(date) : fixedParts(date).date;
    },
    time(iso, options) {
      const date = moment(iso);
      const seconds = !options || options.seconds !== false;
      if (!date) return iso;
      if (localised) return (seconds ? localised.time : localised.timeToMinute).format(date);
      const parts = fixedParts(date);
      return seconds ? parts.minutes + ':' + parts.seconds : parts.minutes;
    },
    recent(iso, now) {
      const date = moment(iso);
      if (!date) return iso;
      return fixedParts(date).date === fixedParts(now || new Date()).date ? formatter.time(iso) : formatter.dateTime(iso, { seconds: false });
    },
  };
  return formatter;
}`;

/**
 * The head-office page: each till (last contact, what waits on it, refused documents, pairing and
 * revoking), the store's cashiers and settings, its shifts with their Z reports, the exceptions and
 * refused documents to look at, the store's customers with their likely duplicates, and stock per
 * product, updating live as tills sync. It asks for the
 * office key first. Plain HTML and a small script so the server needs no
 * build step to serve it.
 */
export function officePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kassa head office</title>
<style>
  :root { font-family: system-ui, sans-serif; color: #1d2330; background: #f4f5f7; }
  body { margin: 0; }
  [hidden] { display: none !important; }
  header { background: #1d2330; color: #fff; padding: 12px 24px; display: flex; gap: 16px; align-items: baseline; }
  header h1 { font-size: 20px; margin: 0; }
  main { padding: 16px 24px; display: grid; gap: 16px; }
  section { background: #fff; border-radius: 8px; padding: 16px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
  h2 { font-size: 16px; margin: 0 0 12px; }
  table { border-collapse: collapse; width: 100%; font-size: 14px; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e6eb; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .negative { color: #b00020; font-weight: 600; }
  .muted { color: #5b6372; }
  header .muted { color: #c9cfd9; }
  input[type=search] { padding: 6px 8px; font-size: 14px; width: 280px; }
  #live { font-size: 13px; }
  button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #9aa1ad; background: #fff; cursor: pointer; }
  .code { font-family: ui-monospace, monospace; font-size: 18px; letter-spacing: 1px; background: #fff7d6; padding: 2px 8px; border-radius: 4px; }
  .refused { color: #b00020; font-weight: 600; }
  #login { max-width: 420px; }
  #login form { display: grid; gap: 8px; }
  #login input { padding: 8px; font-size: 16px; }
  ul.problems { margin: 0; padding-left: 18px; }
  form.inline { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; margin: 12px 0; }
  form.inline input, form.inline select, form.inline textarea { padding: 4px 6px; font: inherit; }
  form.inline label.block { display: grid; gap: 2px; }
  form.inline h3 { font-size: 15px; margin: 0; flex-basis: 100%; }
  .report { border-top: 1px solid #e3e6eb; margin-top: 12px; padding-top: 12px; }
  .report h3 { margin: 0 0 8px; font-size: 15px; }
  .report dl { display: grid; grid-template-columns: max-content max-content; gap: 4px 16px; margin: 0 0 12px; }
  .report dt { color: #5b6372; }
  .report dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
  .duplicate-flag { color: #8a4b00; font-weight: 600; }
  ul.duplicates { margin: 0; padding-left: 0; list-style: none; display: grid; gap: 4px; }
</style>
</head>
<body>
<header><h1>Kassa head office</h1><span id="store-name" class="muted"></span><span id="live" role="status">connecting…</span></header>
<main id="login" hidden>
  <section aria-labelledby="login-heading">
    <h2 id="login-heading">Log in to head office</h2>
    <form id="login-form">
      <label for="office-key">Office key</label>
      <input id="office-key" type="password" autocomplete="current-password" required>
      <button type="submit">Log in</button>
      <p class="muted">The key is in the file <code>office-key</code> beside the server's database, or was given to the server with --office-key.</p>
      <p id="login-error" class="refused" role="alert"></p>
    </form>
  </section>
</main>
<main id="office" hidden>
  <section aria-labelledby="tills-heading">
    <h2 id="tills-heading">Tills</h2>
    <table><thead><tr><th>Till</th><th>Name</th><th>Last synced</th><th class="num">Last sale no.</th><th class="num">Waiting on till</th><th class="num">Refused</th><th>Device</th><th></th></tr></thead>
    <tbody id="tills"></tbody></table>
    <p id="pairing" role="status"></p>
  </section>
  <section aria-labelledby="cashiers-heading">
    <h2 id="cashiers-heading">Cashiers</h2>
    <p class="muted">People who sign in to this store's tills with a PIN. Only a hash of each PIN is kept; the tills receive it and check PINs offline. A deactivated cashier keeps their name on old sales but can no longer sign in or approve.</p>
    <table><thead><tr><th>Name</th><th>Role</th><th>Status</th><th><span class="muted">Actions</span></th></tr></thead>
    <tbody id="cashiers"></tbody></table>
    <form id="cashier-form" class="inline" aria-labelledby="cashier-form-heading">
      <h3 id="cashier-form-heading">Add a cashier</h3>
      <label>Name <input id="cashier-name" required maxlength="100" size="20" autocomplete="off"></label>
      <label>Role <select id="cashier-role"><option value="cashier">cashier</option><option value="supervisor">supervisor</option><option value="manager">manager</option></select></label>
      <label>PIN <input id="cashier-pin" type="password" required inputmode="numeric" pattern="[0-9]{4,8}" size="8" autocomplete="new-password" aria-describedby="pin-hint"></label>
      <span id="pin-hint" class="muted">4 to 8 digits</span>
      <button type="submit">Add</button>
    </form>
    <p id="cashier-result" role="status"></p>
  </section>
  <section aria-labelledby="settings-heading">
    <h2 id="settings-heading">Store settings</h2>
    <form id="settings-form" class="inline">
      <label>Cashier discount limit (%) <input id="limit-cashier" inputmode="decimal" size="6" placeholder="10"></label>
      <label>Supervisor discount limit (%) <input id="limit-supervisor" inputmode="decimal" size="6" placeholder="25"></label>
      <label>Cash rounding step <input id="cash-rounding" inputmode="decimal" size="6" placeholder="none" aria-describedby="settings-hint"></label>
      <label>Most on one line <input id="limit-line-quantity" inputmode="decimal" size="10" placeholder="${DEFAULT_STORE_LIMITS.lineQuantity}" aria-describedby="limits-hint"></label>
      <label>Largest amount on one receipt <input id="limit-document-amount" inputmode="decimal" size="12" placeholder="${DEFAULT_STORE_LIMITS.documentAmount}" aria-describedby="limits-hint"></label>
      <h3>Receipts</h3>
      <label class="block">Address <textarea id="store-address" rows="3" cols="30" maxlength="300" placeholder="Street&#10;Town&#10;Phone"></textarea></label>
      <label>VAT number <input id="store-vat-number" maxlength="32" size="16" autocomplete="off"></label>
      <label class="block">Receipt footer <textarea id="store-receipt-footer" rows="3" cols="40" maxlength="500" placeholder="Opening hours, returns, thanks"></textarea></label>
      <h3>At the counter</h3>
      <label>Locale <input id="store-locale" size="8" maxlength="35" placeholder="de-DE" autocomplete="off" aria-describedby="format-hint"></label>
      <label>Time zone <input id="store-time-zone" size="16" maxlength="64" placeholder="Europe/Berlin" autocomplete="off" aria-describedby="format-hint"></label>
      <label>Largest note taken <input id="store-largest-note" inputmode="decimal" size="8" placeholder="${DEFAULT_LARGEST_NOTE}" aria-describedby="note-hint"></label>
      <label><input id="store-blind-close" type="checkbox"> Blind close (the cashier counts the drawer without seeing the cash expected)</label>
      <label class="block">Quick keys <textarea id="store-quick-keys" rows="4" cols="40" placeholder="LOOSE-001=Bananas, KAS-00013=Bread" aria-describedby="quick-keys-hint"></textarea></label>
      <button type="submit">Save settings</button>
    </form>
    <p id="settings-hint" class="muted">Above its limit a discount needs a manager's PIN; managers have no limit. Leave both limits empty for the defaults (10 and 25). A cash rounding step such as 0.05 rounds cash payments to the smallest coin; empty: no rounding.</p>
    <p id="limits-hint" class="muted">A sale or return with more pieces or kg on one line, or any amount on it (a price, the total, a payment) above the largest, is refused at the till and by the server; so is cash in, out or counted above it. Empty: ${DEFAULT_STORE_LIMITS.lineQuantity} and ${DEFAULT_STORE_LIMITS.documentAmount}.</p>
    <p id="format-hint" class="muted">How the tills, their receipts and this page write dates, times and amounts: a locale such as de-DE or en-GB and a time zone such as Europe/Berlin. Empty: the fixed forms 2026-06-07 14:05:09 and 1,234.50, in each till's own time zone.</p>
    <p id="note-hint" class="muted">Cash handed over more than this above what is due asks the cashier to confirm, and change above it is reported here as an exception. Empty: ${DEFAULT_LARGEST_NOTE}.</p>
    <p id="quick-keys-hint" class="muted">Buttons on the tills' first screen for what has no label to scan (bread, coffee, bags), in order: the products' SKUs, separated by commas or new lines, each with =Label for a button text of its own (at most 24 characters). At most 48.</p>
    <p id="settings-result" role="status"></p>
  </section>
  <section aria-labelledby="shifts-heading">
    <h2 id="shifts-heading">Shifts</h2>
    <p class="muted" id="no-shifts">No shift has reached the server yet.</p>
    <table id="shifts-table" hidden><thead><tr><th>Till</th><th>Opened</th><th>By</th><th>Closed</th><th>By</th><th class="num">Float</th><th class="num">Expected</th><th class="num">Counted</th><th class="num">Difference</th><th><span class="muted">Report</span></th></tr></thead>
    <tbody id="shifts"></tbody></table>
    <div id="shift-report" class="report" hidden tabindex="-1" aria-live="polite"></div>
  </section>
  <section aria-labelledby="customers-heading">
    <h2 id="customers-heading">Customers</h2>
    <p class="muted">Recorded at the tills (offline too) and here. Changes made in two places merge field by field: the newest change of each field wins. Customers with the same phone number or e-mail are flagged as possible duplicates and never refused; <strong>Merge</strong> keeps one, takes over what only the other has, and removes the other from every till. Sales keep the customer name they recorded.</p>
    <p class="muted" id="no-customers">No customers yet.</p>
    <p id="duplicates-summary" class="duplicate-flag" hidden></p>
    <table id="customers-table" hidden><thead><tr><th>Name</th><th>Phone</th><th>E-mail</th><th>Note</th><th>Recorded by</th><th>Possible duplicates</th><th><span class="muted">Actions</span></th></tr></thead>
    <tbody id="customers"></tbody></table>
    <form id="customer-form" class="inline" aria-labelledby="customer-form-heading">
      <h3 id="customer-form-heading">Add a customer</h3>
      <label>Name <input id="customer-name" required maxlength="200" size="20" autocomplete="off"></label>
      <label>Phone <input id="customer-phone" type="tel" maxlength="40" size="14" autocomplete="off"></label>
      <label>E-mail <input id="customer-email" type="email" maxlength="200" size="20" autocomplete="off"></label>
      <label>Note <input id="customer-note" maxlength="500" size="24" autocomplete="off"></label>
      <button type="submit" id="customer-save">Add</button>
      <button type="button" id="customer-cancel" hidden>Cancel</button>
    </form>
    <p id="customer-result" role="status"></p>
  </section>
  <section aria-labelledby="refusals-heading">
    <h2 id="refusals-heading">Refused documents</h2>
    <p class="muted" id="no-refusals">None: every document the tills sent was taken.</p>
    <table id="refusals-table" hidden><thead><tr><th>Last refused</th><th>Till</th><th>Receipt</th><th>Reasons</th><th class="num">Attempts</th><th>Status</th></tr></thead>
    <tbody id="refusals"></tbody></table>
  </section>
  <section aria-labelledby="exceptions-heading">
    <h2 id="exceptions-heading">Exceptions</h2>
    <p class="muted" id="no-exceptions">None: no sale took stock below zero, was charged at an outdated price or gave more change than the largest note, and no till keeps too many refused documents.</p>
    <table id="exceptions-table" hidden><thead><tr><th>Raised</th><th>What</th><th>Product</th><th>Till</th><th>Receipt</th><th>Details</th></tr></thead>
    <tbody id="exceptions"></tbody></table>
  </section>
  <section aria-labelledby="stock-heading">
    <h2 id="stock-heading">Stock on hand</h2>
    <p class="muted"><span id="summary"></span></p>
    <label>Filter <input type="search" id="filter" placeholder="name or SKU"></label>
    <form id="stock-form" aria-labelledby="stock-form-heading">
      <h3 id="stock-form-heading">Receive goods or adjust stock</h3>
      <label>What <select id="stock-kind"><option value="receipt">Goods received</option><option value="adjustment">Adjustment</option></select></label>
      <label>SKU <input id="stock-sku" required size="12"></label>
      <label>Quantity <input id="stock-quantity" required size="8" inputmode="decimal" placeholder="12 or -2"></label>
      <label>Reason <select id="stock-reason"><option value="count">count</option><option value="damaged">damaged</option><option value="theft">theft</option><option value="expired">expired</option><option value="correction">correction</option></select></label>
      <label>Reference <input id="stock-reference" size="16" placeholder="delivery note"></label>
      <button type="submit">Record</button>
      <span id="stock-result" role="status"></span>
    </form>
    <table><thead><tr><th>SKU</th><th>Product</th><th>Unit</th><th class="num">Opening</th><th class="num">Received</th><th class="num">Adjusted</th><th class="num">Sold</th><th class="num">Returned</th><th class="num">On hand</th></tr></thead>
    <tbody id="stock"></tbody></table>
  </section>
</main>
<script>
${OFFICE_FORMAT_SCRIPT}
(() => {
  const params = new URLSearchParams(location.search);
  let storeId = params.get('store');
  let report = null;
  const $ = (id) => document.getElementById(id);
  const text = (value) => String(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  // The store's way of writing dates and times, the same as its tills' (set again as the store loads).
  let format = storeFormatter(null);
  const ago = (iso) => {
    if (!iso) return 'never';
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (seconds < 60) return seconds + ' s ago';
    if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
    return format.recent(iso);
  };
  let tillCodes = new Map();
  function render() {
    if (!report) return;
    tillCodes = new Map(report.tills.map((t) => [t.id, t.code]));
    format = storeFormatter(report.store);
    $('store-name').textContent = report.store.name + ' (' + report.store.code + ')';
    renderSettings();
    $('tills').innerHTML = report.tills.map((till) =>
      '<tr data-till="' + text(till.id) + '"><td>' + text(till.code) + '</td><td>' + text(till.name) + '</td>' +
      '<td class="last-synced" title="' + text(till.lastContactAt || '') + '">' + ago(till.lastContactAt) + '</td>' +
      '<td class="num">' + till.lastNumber + '</td>' +
      '<td class="num waiting" title="as the till reported ' + text(till.waitingReportedAt ? ago(till.waitingReportedAt) : 'never') + '">' + (till.waiting === null ? '?' : till.waiting) + '</td>' +
      '<td class="num refused-count' + (till.refused > 0 ? ' refused' : '') + '">' + till.refused + '</td>' +
      '<td class="device">' + (till.paired ? 'paired ' + ago(till.pairedAt) : till.revokedAt ? 'revoked ' + ago(till.revokedAt) : 'not paired') + '</td>' +
      '<td><button type="button" data-pair="' + text(till.id) + '">Pair a device</button> ' +
      (till.paired ? '<button type="button" data-revoke="' + text(till.id) + '">Revoke</button>' : '') + '</td></tr>').join('');
    const refusals = report.refusals || [];
    $('no-refusals').hidden = refusals.length > 0;
    $('refusals-table').hidden = refusals.length === 0;
    $('refusals').innerHTML = refusals.map((r) =>
      '<tr data-refusal="' + text(r.id) + '"><td>' + text(format.dateTime(r.lastRefusedAt)) + '</td><td>' + text(tillCodes.get(r.tillId) || r.tillId) + '</td>' +
      '<td>' + text(r.collection === 'shiftEvents' ? 'shift ' + (r.document.kind || 'event') + ' no. ' + r.number : r.collection === 'customers' ? 'customer ' + (r.document.name || r.id) : (r.document.receiptNumber || r.id)) + '</td><td><ul class="problems">' + r.problems.map((p) => '<li>' + text(p) + '</li>').join('') + '</ul></td>' +
      '<td class="num">' + r.attempts + '</td><td class="status">' + (r.acceptedAt ? 'taken ' + ago(r.acceptedAt) : '<span class="refused">open</span>') + '</td></tr>').join('');
    const byId = new Map(report.products.map((p) => [p.productId, p]));
    const tillCode = new Map(report.tills.map((t) => [t.id, t.code]));
    const exceptions = report.exceptions || [];
    $('no-exceptions').hidden = exceptions.length > 0;
    $('exceptions-table').hidden = exceptions.length === 0;
    $('exceptions').innerHTML = exceptions.map((e) => {
      const product = byId.get(e.productId);
      const what = e.kind === 'oversell' ? 'Oversold' : e.kind === 'refusals_capped' ? 'Too many refused' : e.kind === 'tax_mismatch' ? 'Tax mismatch' : e.kind === 'implausible_change' ? 'Implausible change' : 'Price mismatch';
      const decimals = report.store.pricing.currencyDecimals;
      const details = e.kind === 'oversell'
        ? 'stock ' + e.details.before + ' → ' + e.details.after
        : e.kind === 'implausible_change'
          ? 'Change of ' + format.amount(e.details.change, decimals) + ' ' + e.details.currency + ' given on receipt ' + e.details.receiptNumber + ' is more than the largest note (' + e.details.largestNote + '); ' + format.amount(e.details.tendered, decimals) + ' ' + e.details.currency + ' handed over'
        : e.kind === 'refusals_capped'
          ? 'the till keeps ' + e.details.openRefusals + ' refused documents (' + e.details.bytes + ' bytes), its cap is ' + e.details.cap + ': its pushes with more are refused until the refused documents are dealt with'
          : e.kind === 'tax_mismatch'
            ? 'taxed at ' + e.details.charged + ', the product now ' + e.details.current
            : 'charged ' + e.details.charged + ', price now ' + e.details.current;
      return '<tr data-exception="' + text(e.kind) + '" data-product="' + text(e.productId) + '"><td>' + text(format.dateTime(e.raisedAt)) + '</td><td>' + what + '</td>' +
        '<td>' + text(product ? product.name + ' (' + product.sku + ')' : e.productId || '') + '</td><td>' + text(tillCode.get(e.tillId) || e.tillId) + '</td>' +
        '<td>' + text(e.details.receiptNumber || '') + '</td><td>' + text(details) + '</td></tr>';
    }).join('');
    const filter = $('filter').value.trim().toLowerCase();
    const rows = report.products.filter((p) => !filter || p.name.toLowerCase().includes(filter) || p.sku.toLowerCase().includes(filter));
    $('summary').textContent = report.products.length + ' products, ' + report.salesCount + ' sales received, updated ' + format.time(report.generatedAt);
    $('stock').innerHTML = rows.slice(0, 2000).map((p) =>
      '<tr data-sku="' + text(p.sku) + '"><td>' + text(p.sku) + '</td><td>' + text(p.name) + '</td><td>' + text(p.unit) + '</td>' +
      '<td class="num">' + text(p.opening) + '</td><td class="num">' + text(p.received) + '</td><td class="num">' + text(p.adjusted) + '</td><td class="num">' + text(p.sold) + '</td><td class="num">' + text(p.returned) + '</td>' +
      '<td class="num on-hand' + (p.quantity.startsWith('-') ? ' negative' : '') + '">' + text(p.quantity) + '</td></tr>').join('');
  }
  let cashiers = [];
  let shifts = [];
  let customerList = { customers: [], duplicates: [] };
  let editingCustomer = null;
  let editingPin = null;
  const when = (iso) => iso ? format.dateTime(iso) : '';
  const who = (person) => person ? person.name : '';
  function renderCashiers(focusPin) {
    // The list is redrawn whenever the tills sync: a PIN being typed stays where it is.
    const typing = document.querySelector('.pin-form input');
    const typed = typing && typing.form.getAttribute('data-cashier') === editingPin ? typing.value : '';
    const hadFocus = typing !== null && document.activeElement === typing;
    $('cashiers').innerHTML = cashiers.map((c) => {
      const actions = editingPin === c.id
        ? '<form class="inline pin-form" data-cashier="' + text(c.id) + '"><label>New PIN for ' + text(c.name) + ' <input type="password" name="pin" required inputmode="numeric" pattern="[0-9]{4,8}" size="8" autocomplete="new-password"></label>' +
          '<button type="submit">Save PIN</button> <button type="button" data-cancel-pin="1">Cancel</button></form>'
        : '<button type="button" data-change-pin="' + text(c.id) + '" aria-label="Change PIN of ' + text(c.name) + '">Change PIN</button> ' +
          '<button type="button" data-active="' + (c.active ? 'false' : 'true') + '" data-cashier-id="' + text(c.id) + '" aria-label="' + (c.active ? 'Deactivate ' : 'Reactivate ') + text(c.name) + '">' + (c.active ? 'Deactivate' : 'Reactivate') + '</button>';
      return '<tr data-cashier-row="' + text(c.id) + '"><td>' + text(c.name) + '</td><td>' + text(c.role) + '</td><td class="cashier-status">' + (c.active ? 'active' : '<span class="muted">deactivated</span>') + '</td><td>' + actions + '</td></tr>';
    }).join('');
    const field = document.querySelector('.pin-form input');
    if (field) {
      field.value = typed;
      if (focusPin || hadFocus) field.focus();
    }
  }
  function renderSettings() {
    if (!report || document.activeElement && $('settings-form').contains(document.activeElement)) return;
    const limits = report.store.discountLimits;
    $('limit-cashier').value = limits ? limits.cashier : '';
    $('limit-supervisor').value = limits ? limits.supervisor : '';
    $('cash-rounding').value = report.store.cashRounding || '';
    $('limit-line-quantity').value = report.store.limits ? report.store.limits.lineQuantity : '';
    $('limit-document-amount').value = report.store.limits ? report.store.limits.documentAmount : '';
    $('store-address').value = report.store.address || '';
    $('store-vat-number').value = report.store.vatNumber || '';
    $('store-receipt-footer').value = report.store.receiptFooter || '';
    $('store-locale').value = report.store.locale || '';
    $('store-time-zone').value = report.store.timeZone || '';
    $('store-largest-note').value = report.store.largestNote || '';
    $('store-blind-close').checked = report.store.blindClose === true;
    // Shown by SKU, as they are typed; a product the stock list lacks keeps its id.
    const skuOf = new Map(report.products.map((p) => [p.productId, p.sku]));
    $('store-quick-keys').value = (report.store.quickKeys || []).map((key) => (skuOf.get(key.productId) || key.productId) + (key.label ? '=' + key.label : '')).join('\\n');
  }
  /** The quick keys typed as SKUs (commas or new lines between them, SKU=Label for a label), as the store keeps them; or the SKUs no product has. */
  function quickKeysTyped() {
    const bySku = new Map(report.products.map((p) => [p.sku.toLowerCase(), p.productId]));
    // A key whose product the stock list lacks is shown by its id (see renderSettings) and kept as it is.
    const kept = new Set((report.store.quickKeys || []).map((key) => key.productId));
    const keys = [];
    const unknown = [];
    for (const entry of $('store-quick-keys').value.split(/[\\n,]/).map((part) => part.trim()).filter(Boolean)) {
      const equals = entry.indexOf('=');
      const sku = (equals < 0 ? entry : entry.slice(0, equals)).trim();
      const label = equals < 0 ? '' : entry.slice(equals + 1).trim();
      const productId = bySku.get(sku.toLowerCase()) || (kept.has(sku) ? sku : undefined);
      if (!productId) unknown.push(sku);
      else keys.push(label ? { productId, label } : { productId });
    }
    return { keys, unknown };
  }
  function renderShifts() {
    $('no-shifts').hidden = shifts.length > 0;
    $('shifts-table').hidden = shifts.length === 0;
    $('shifts').innerHTML = shifts.map((s) =>
      '<tr data-shift="' + text(s.shiftId) + '"><td>' + text(tillCodes.get(s.tillId) || s.tillId) + '</td><td>' + text(when(s.openedAt)) + '</td><td>' + text(who(s.openedBy)) + '</td>' +
      '<td>' + (s.status === 'closed' ? text(when(s.closedAt)) : '<span class="muted">open</span>') + '</td><td>' + text(who(s.closedBy)) + '</td>' +
      '<td class="num">' + text(s.float || '') + '</td><td class="num">' + text(s.expectedCash || '') + '</td><td class="num">' + text(s.countedCash || '') + '</td>' +
      '<td class="num difference' + (s.difference && s.difference.startsWith('-') ? ' negative' : '') + '">' + text(s.difference || '') + '</td>' +
      '<td><button type="button" data-report="' + text(s.shiftId) + '">' + (s.status === 'closed' ? 'Z report' : 'X report') + '</button></td></tr>').join('');
  }
  function renderCustomers() {
    const customers = customerList.customers;
    const byId = new Map(customers.map((c) => [c.id, c]));
    $('no-customers').hidden = customers.length > 0;
    $('customers-table').hidden = customers.length === 0;
    const groups = customerList.duplicates.length;
    $('duplicates-summary').hidden = groups === 0;
    $('duplicates-summary').textContent = groups === 1 ? '1 group of possible duplicates (same phone or e-mail).' : groups + ' groups of possible duplicates (same phone or e-mail).';
    $('customers').innerHTML = customers.map((c) => {
      const recordedBy = c.createdBy === 'office' ? 'head office' : 'till ' + (tillCodes.get(c.createdBy) || c.createdBy);
      const duplicates = (c.possibleDuplicates || []).map((id) => byId.get(id)).filter(Boolean);
      const flags = duplicates.length === 0 ? '' :
        '<span class="duplicate-flag">Possible duplicate of</span><ul class="duplicates">' + duplicates.map((d) =>
          '<li>' + text(d.name) + ' <button type="button" data-keep="' + text(c.id) + '" data-merge="' + text(d.id) + '" aria-label="Merge into this one: keep ' + text(c.name) + ' (' + text(c.phone || c.email || c.id) + '), remove ' + text(d.name) + ' (' + text(d.phone || d.email || d.id) + ')">Merge into this one</button></li>').join('') + '</ul>';
      return '<tr data-customer="' + text(c.id) + '"' + (duplicates.length ? ' class="duplicate"' : '') + '><td>' + text(c.name) + '</td><td>' + text(c.phone || '') + '</td><td>' + text(c.email || '') + '</td>' +
        '<td>' + text(c.note || '') + '</td><td>' + text(recordedBy) + '</td><td>' + flags + '</td>' +
        '<td><button type="button" data-edit-customer="' + text(c.id) + '" aria-label="Change ' + text(c.name) + '">Change</button></td></tr>';
    }).join('');
  }
  function editCustomerForm(customer) {
    editingCustomer = customer ? customer.id : null;
    $('customer-form-heading').textContent = customer ? 'Change ' + customer.name : 'Add a customer';
    $('customer-save').textContent = customer ? 'Save' : 'Add';
    $('customer-cancel').hidden = !customer;
    $('customer-name').value = customer ? customer.name : '';
    $('customer-phone').value = customer ? customer.phone || '' : '';
    $('customer-email').value = customer ? customer.email || '' : '';
    $('customer-note').value = customer ? customer.note || '' : '';
    if (customer) $('customer-name').focus();
  }
  function figures(rows) {
    return '<dl>' + rows.map(([label, value]) => '<dt>' + text(label) + '</dt><dd>' + text(value) + '</dd>').join('') + '</dl>';
  }
  async function showReport(shiftId) {
    const detail = await api('/api/office/shifts/' + encodeURIComponent(shiftId));
    const r = detail.report;
    const till = tillCodes.get(detail.shift.tillId) || detail.shift.tillId;
    let html = '<h3>' + (detail.shift.status === 'closed' ? 'Z report' : 'X report') + ', till ' + text(till) + ', opened ' + text(when(detail.shift.openedAt)) + '</h3>';
    if (!r) {
      html += '<p class="muted">The shift’s opening has not reached the server yet.</p>';
    } else {
      html += figures([
        ['Float', r.float], ['Sales', r.sales.count + ' for ' + r.sales.gross], ['Returns', r.returns.count + ' for ' + r.returns.gross + (r.returns.withoutReceipt ? ' (' + r.returns.withoutReceipt + ' without receipt)' : '')],
        ...r.byTender.map((t) => [t.tender + ' (taken − refunded)', t.taken + ' − ' + t.refunded + ' = ' + t.net]),
        ...r.byTaxRate.map((t) => ['tax ' + t.taxRatePercent + ' % (net / tax / gross)', t.net + ' / ' + t.tax + ' / ' + t.gross]),
        ['Discounts', r.discounts.count + ' for ' + r.discounts.amount], ['Price overrides', String(r.priceOverrides)], ['Weights keyed', String(r.weightsKeyed)], ['Weight overrides', String(r.weightOverrides)],
        ['Voided lines', r.voids.lines + ' for ' + r.voids.amount], ['Voided carts', r.voids.carts + ' for ' + r.voids.cartsAmount],
        ['Cash in', r.cashIn], ['Cash out', r.cashOut], ['Cash rounding', r.cashRounding], ['Expected in the drawer', r.expectedCash],
        ...(r.countedCash !== undefined ? [['Counted', r.countedCash], ['Difference', r.difference]] : []),
      ]);
      if (r.cashMovements.length > 0) {
        html += '<table><caption class="muted">Cash put in and taken out</caption><thead><tr><th>When</th><th>What</th><th>By</th><th>Reason</th><th class="num">Amount</th></tr></thead><tbody>' +
          r.cashMovements.map((m) => '<tr><td>' + text(when(m.at)) + '</td><td>' + text(m.kind) + '</td><td>' + text(who(m.by)) + '</td><td>' + text(m.reason) + '</td><td class="num">' + text(m.amount) + '</td></tr>').join('') + '</tbody></table>';
      }
    }
    if (detail.discrepancies.length > 0) {
      html += '<p class="refused">The till’s close disagrees with what the server holds:</p><ul class="problems">' + detail.discrepancies.map((p) => '<li>' + text(p) + '</li>').join('') + '</ul>';
    }
    html += '<p class="muted">' + detail.events.length + ' shift events and ' + detail.sales.length + ' sales and returns on the server.</p>';
    $('shift-report').innerHTML = html;
    $('shift-report').hidden = false;
    $('shift-report').focus();
  }
  async function loadMasterData() {
    const [cashierList, shiftList, customerListing] = await Promise.all([
      api('/api/office/cashiers?store=' + encodeURIComponent(storeId)),
      api('/api/office/shifts?store=' + encodeURIComponent(storeId)),
      api('/api/office/customers?store=' + encodeURIComponent(storeId)),
    ]);
    cashiers = cashierList;
    shifts = shiftList;
    customerList = customerListing;
    renderCashiers();
    renderShifts();
    renderCustomers();
  }
  async function api(path, init) {
    const response = await fetch(path, init);
    if (response.status === 401) { showLogin(); throw Object.assign(new Error('log in first'), { loginNeeded: true }); }
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      throw new Error(answer.details ? answer.details[0].problems.join('; ') : (answer.message || path + ' answered ' + response.status));
    }
    return response.json();
  }
  // Before anyone logged in, the page asks for the key and says nothing else: no error until a try fails.
  function showLogin() { $('office').hidden = true; $('login').hidden = false; $('live').textContent = ''; $('office-key').focus(); }
  const failed = (error) => { if (!error.loginNeeded) $('live').textContent = 'error: ' + error.message; };
  async function load() {
    const response = await fetch('/api/office/stock?store=' + encodeURIComponent(storeId));
    if (response.status === 401) { showLogin(); return; }
    if (!response.ok) { $('live').textContent = 'could not load stock: ' + response.status; return; }
    report = await response.json();
    render();
    await loadMasterData();
  }
  let reloadTimer = null;
  function scheduleLoad() { clearTimeout(reloadTimer); reloadTimer = setTimeout(load, 150); }
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/api/office/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: $('office-key').value }) });
    if (!response.ok) { $('login-error').textContent = response.status === 429 ? 'Too many tries; wait a minute.' : 'That is not the office key.'; return; }
    $('login').hidden = true;
    $('login-error').textContent = '';
    $('live').textContent = 'connecting…';
    start().catch(failed);
  });
  $('tills').addEventListener('click', async (event) => {
    const pairTill = event.target.getAttribute('data-pair');
    const revokeTill = event.target.getAttribute('data-revoke');
    try {
      if (pairTill) {
        const made = await api('/api/office/tills/' + encodeURIComponent(pairTill) + '/pairing-code', { method: 'POST' });
        $('pairing').innerHTML = 'Pairing code for till ' + text(tillCodes.get(pairTill) || pairTill) + ': <span class="code" data-testid="pairing-code">' + text(made.code) +
          '</span> (enter it on the till with this server’s address; it works once, until ' + text(format.time(made.expiresAt)) + '). Pairing a new device revokes the one before.';
      }
      if (revokeTill && confirm('Revoke till ' + (tillCodes.get(revokeTill) || revokeTill) + '? It stops syncing at once; its sales stay on it until it is paired again.')) {
        await api('/api/office/tills/' + encodeURIComponent(revokeTill) + '/revoke', { method: 'POST' });
        $('pairing').textContent = 'Till ' + (tillCodes.get(revokeTill) || revokeTill) + ' revoked.';
        await load();
      }
    } catch (error) { $('pairing').textContent = error.message; }
  });
  const sendJson = (method, body) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  $('cashier-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const added = await api('/api/office/cashiers', sendJson('POST', { storeId, name: $('cashier-name').value, role: $('cashier-role').value, pin: $('cashier-pin').value }));
      $('cashier-result').textContent = 'Added ' + added.name + ' (' + added.role + ').';
      $('cashier-name').value = '';
      $('cashier-pin').value = '';
      await loadMasterData();
    } catch (error) { $('cashier-result').textContent = 'Not added: ' + error.message; }
  });
  $('cashiers').addEventListener('click', async (event) => {
    const target = event.target;
    if (target.getAttribute('data-change-pin')) { editingPin = target.getAttribute('data-change-pin'); renderCashiers(true); return; }
    if (target.getAttribute('data-cancel-pin')) { editingPin = null; renderCashiers(); return; }
    const id = target.getAttribute('data-cashier-id');
    if (!id) return;
    try {
      const changed = await api('/api/office/cashiers/' + encodeURIComponent(id), sendJson('PUT', { active: target.getAttribute('data-active') === 'true' }));
      $('cashier-result').textContent = changed.name + (changed.active ? ' can sign in again.' : ' is deactivated.');
      await loadMasterData();
    } catch (error) { $('cashier-result').textContent = 'Not changed: ' + error.message; }
  });
  $('cashiers').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const id = form.getAttribute('data-cashier');
    try {
      const changed = await api('/api/office/cashiers/' + encodeURIComponent(id), sendJson('PUT', { pin: form.elements.pin.value }));
      editingPin = null;
      $('cashier-result').textContent = 'New PIN saved for ' + changed.name + '.';
      await loadMasterData();
    } catch (error) { $('cashier-result').textContent = 'PIN not changed: ' + error.message; }
  });
  $('settings-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const cashier = $('limit-cashier').value.trim().replace(',', '.');
    const supervisor = $('limit-supervisor').value.trim().replace(',', '.');
    const rounding = $('cash-rounding').value.trim().replace(',', '.');
    const lineQuantity = $('limit-line-quantity').value.trim().replace(',', '.');
    const documentAmount = $('limit-document-amount').value.trim().replace(',', '.');
    // One limit left empty keeps its default, shown as the placeholder.
    const limits = lineQuantity || documentAmount ? { lineQuantity: lineQuantity || $('limit-line-quantity').placeholder, documentAmount: documentAmount || $('limit-document-amount').placeholder } : null;
    const quickKeys = quickKeysTyped();
    if (quickKeys.unknown.length > 0) {
      $('settings-result').textContent = 'Not saved: quick keys: no product with SKU ' + quickKeys.unknown.join(', ') + '.';
      return;
    }
    // An empty field removes the setting (null), so the tills' defaults apply.
    const typed = (id) => $(id).value.trim() || null;
    const settings = {
      discountLimits: cashier || supervisor ? { cashier, supervisor } : null, cashRounding: rounding || null, limits,
      address: typed('store-address'), vatNumber: typed('store-vat-number'), receiptFooter: typed('store-receipt-footer'),
      locale: typed('store-locale'), timeZone: typed('store-time-zone'),
      largestNote: $('store-largest-note').value.trim().replace(',', '.') || null,
      blindClose: $('store-blind-close').checked ? true : null,
      quickKeys: quickKeys.keys.length > 0 ? quickKeys.keys : null,
    };
    try {
      report.store = await api('/api/office/stores/' + encodeURIComponent(storeId) + '/settings', sendJson('PUT', settings));
      $('settings-result').textContent = 'Saved; the tills receive the settings as they sync.';
    } catch (error) { $('settings-result').textContent = 'Not saved: ' + error.message; }
  });
  $('customer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const optional = (id) => $(id).value.trim() || null;
    const body = { storeId, name: $('customer-name').value, phone: optional('customer-phone'), email: optional('customer-email'), note: optional('customer-note') };
    if (editingCustomer) body.id = editingCustomer;
    try {
      const saved = await api('/api/office/customers', sendJson('POST', body));
      $('customer-result').textContent = (editingCustomer ? 'Saved ' : 'Added ') + saved.name + '; the tills receive it as they sync.';
      editCustomerForm(null);
      await loadMasterData();
    } catch (error) { $('customer-result').textContent = (editingCustomer ? 'Not saved: ' : 'Not added: ') + error.message; }
  });
  $('customer-cancel').addEventListener('click', () => editCustomerForm(null));
  $('customers').addEventListener('click', async (event) => {
    const target = event.target;
    const editId = target.getAttribute('data-edit-customer');
    if (editId) { editCustomerForm(customerList.customers.find((c) => c.id === editId)); return; }
    const keep = target.getAttribute('data-keep');
    const merge = target.getAttribute('data-merge');
    if (!keep || !merge) return;
    const byId = new Map(customerList.customers.map((c) => [c.id, c]));
    const kept = byId.get(keep);
    const merged = byId.get(merge);
    if (!kept || !merged || !confirm('Merge ' + merged.name + ' into ' + kept.name + '? ' + kept.name + ' keeps its details and takes over what only ' + merged.name + ' has; ' + merged.name + ' is removed from every till.')) return;
    try {
      await api('/api/office/customers/merge', sendJson('POST', { keep, merge }));
      $('customer-result').textContent = 'Merged ' + merged.name + ' into ' + kept.name + '.';
      await loadMasterData();
    } catch (error) { $('customer-result').textContent = 'Not merged: ' + error.message; }
  });
  $('shifts').addEventListener('click', async (event) => {
    const shiftId = event.target.getAttribute('data-report');
    if (!shiftId) return;
    try { await showReport(shiftId); } catch (error) { $('shift-report').hidden = false; $('shift-report').textContent = error.message; }
  });
  $('stock-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const kind = $('stock-kind').value;
    const sku = $('stock-sku').value.trim();
    const product = report && report.products.find((p) => p.sku.toLowerCase() === sku.toLowerCase());
    if (!product) { $('stock-result').textContent = 'No product with SKU ' + sku + '.'; return; }
    const document = { id: crypto.randomUUID(), kind, storeId, reference: $('stock-reference').value.trim(), lines: [{ productId: product.productId, quantity: $('stock-quantity').value.trim().replace(',', '.') }], recordedBy: 'head office' };
    if (kind === 'adjustment') document.reason = $('stock-reason').value;
    const response = await fetch('/api/office/stock-documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
    const answer = await response.json();
    $('stock-result').textContent = response.ok ? 'Recorded: ' + product.name + ' ' + document.lines[0].quantity + '.' : 'Not recorded: ' + (answer.details ? answer.details[0].problems.join('; ') : answer.message);
    if (response.ok) { $('stock-quantity').value = ''; scheduleLoad(); }
  });
  let started = false;
  async function start() {
    const stores = await api('/api/office/stores');
    $('office').hidden = false;
    if (started) return load();
    started = true;
    if (!storeId) {
      if (stores.length === 0) { $('live').textContent = 'no stores yet'; return; }
      storeId = stores[0].id;
    }
    await load();
    const events = new EventSource('/api/office/events?store=' + encodeURIComponent(storeId));
    events.onopen = () => { $('live').textContent = 'live'; scheduleLoad(); };
    events.onerror = () => { $('live').textContent = 'reconnecting…'; };
    events.onmessage = (event) => { if (JSON.parse(event.data).type === 'changed') scheduleLoad(); };
    $('filter').addEventListener('input', render);
    setInterval(render, 10000);
  }
  start().catch(failed);
})();
</script>
</body>
</html>`;
}

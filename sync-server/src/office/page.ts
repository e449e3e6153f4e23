/**
 * The head-office page: each till (last contact, what waits on it, refused documents, pairing and
 * revoking), the exceptions and refused documents to look at, and stock per product, updating live as
 * tills sync. It asks for the office key first. Plain HTML and a small script so the server needs no
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
  <section aria-labelledby="refusals-heading">
    <h2 id="refusals-heading">Refused documents</h2>
    <p class="muted" id="no-refusals">None: every document the tills sent was taken.</p>
    <table id="refusals-table" hidden><thead><tr><th>Last refused</th><th>Till</th><th>Receipt</th><th>Reasons</th><th class="num">Attempts</th><th>Status</th></tr></thead>
    <tbody id="refusals"></tbody></table>
  </section>
  <section aria-labelledby="exceptions-heading">
    <h2 id="exceptions-heading">Exceptions</h2>
    <p class="muted" id="no-exceptions">None: no sale took stock below zero or was charged at an outdated price.</p>
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
(() => {
  const params = new URLSearchParams(location.search);
  let storeId = params.get('store');
  let report = null;
  const $ = (id) => document.getElementById(id);
  const text = (value) => String(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  const ago = (iso) => {
    if (!iso) return 'never';
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (seconds < 60) return seconds + ' s ago';
    if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
    return new Date(iso).toLocaleString();
  };
  let tillCodes = new Map();
  function render() {
    if (!report) return;
    tillCodes = new Map(report.tills.map((t) => [t.id, t.code]));
    $('store-name').textContent = report.store.name + ' (' + report.store.code + ')';
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
      '<tr data-refusal="' + text(r.id) + '"><td>' + new Date(r.lastRefusedAt).toLocaleString() + '</td><td>' + text(tillCodes.get(r.tillId) || r.tillId) + '</td>' +
      '<td>' + text(r.document.receiptNumber || r.id) + '</td><td><ul class="problems">' + r.problems.map((p) => '<li>' + text(p) + '</li>').join('') + '</ul></td>' +
      '<td class="num">' + r.attempts + '</td><td class="status">' + (r.acceptedAt ? 'taken ' + ago(r.acceptedAt) : '<span class="refused">open</span>') + '</td></tr>').join('');
    const byId = new Map(report.products.map((p) => [p.productId, p]));
    const tillCode = new Map(report.tills.map((t) => [t.id, t.code]));
    const exceptions = report.exceptions || [];
    $('no-exceptions').hidden = exceptions.length > 0;
    $('exceptions-table').hidden = exceptions.length === 0;
    $('exceptions').innerHTML = exceptions.map((e) => {
      const product = byId.get(e.productId);
      const what = e.kind === 'oversell' ? 'Oversold' : 'Price mismatch';
      const details = e.kind === 'oversell'
        ? 'stock ' + e.details.before + ' → ' + e.details.after
        : 'charged ' + e.details.charged + ', price now ' + e.details.current;
      return '<tr data-exception="' + text(e.kind) + '" data-product="' + text(e.productId) + '"><td>' + new Date(e.raisedAt).toLocaleString() + '</td><td>' + what + '</td>' +
        '<td>' + text(product ? product.name + ' (' + product.sku + ')' : e.productId) + '</td><td>' + text(tillCode.get(e.tillId) || e.tillId) + '</td>' +
        '<td>' + text(e.details.receiptNumber || '') + '</td><td>' + text(details) + '</td></tr>';
    }).join('');
    const filter = $('filter').value.trim().toLowerCase();
    const rows = report.products.filter((p) => !filter || p.name.toLowerCase().includes(filter) || p.sku.toLowerCase().includes(filter));
    $('summary').textContent = report.products.length + ' products, ' + report.salesCount + ' sales received, updated ' + new Date(report.generatedAt).toLocaleTimeString();
    $('stock').innerHTML = rows.slice(0, 2000).map((p) =>
      '<tr data-sku="' + text(p.sku) + '"><td>' + text(p.sku) + '</td><td>' + text(p.name) + '</td><td>' + text(p.unit) + '</td>' +
      '<td class="num">' + text(p.opening) + '</td><td class="num">' + text(p.received) + '</td><td class="num">' + text(p.adjusted) + '</td><td class="num">' + text(p.sold) + '</td><td class="num">' + text(p.returned) + '</td>' +
      '<td class="num on-hand' + (p.quantity.startsWith('-') ? ' negative' : '') + '">' + text(p.quantity) + '</td></tr>').join('');
  }
  async function api(path, init) {
    const response = await fetch(path, init);
    if (response.status === 401) { showLogin(); throw new Error('log in first'); }
    if (!response.ok) throw new Error(path + ' answered ' + response.status);
    return response.json();
  }
  function showLogin() { $('office').hidden = true; $('login').hidden = false; $('office-key').focus(); }
  async function load() {
    const response = await fetch('/api/office/stock?store=' + encodeURIComponent(storeId));
    if (response.status === 401) { showLogin(); return; }
    if (!response.ok) { $('live').textContent = 'could not load stock: ' + response.status; return; }
    report = await response.json();
    render();
  }
  let reloadTimer = null;
  function scheduleLoad() { clearTimeout(reloadTimer); reloadTimer = setTimeout(load, 150); }
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/api/office/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: $('office-key').value }) });
    if (!response.ok) { $('login-error').textContent = response.status === 429 ? 'Too many tries; wait a minute.' : 'That is not the office key.'; return; }
    $('login').hidden = true;
    start().catch((error) => { $('live').textContent = 'error: ' + error.message; });
  });
  $('tills').addEventListener('click', async (event) => {
    const pairTill = event.target.getAttribute('data-pair');
    const revokeTill = event.target.getAttribute('data-revoke');
    try {
      if (pairTill) {
        const made = await api('/api/office/tills/' + encodeURIComponent(pairTill) + '/pairing-code', { method: 'POST' });
        $('pairing').innerHTML = 'Pairing code for till ' + text(tillCodes.get(pairTill) || pairTill) + ': <span class="code" data-testid="pairing-code">' + text(made.code) +
          '</span> (enter it on the till with this server’s address; it works once, until ' + new Date(made.expiresAt).toLocaleTimeString() + '). Pairing a new device revokes the one before.';
      }
      if (revokeTill && confirm('Revoke till ' + (tillCodes.get(revokeTill) || revokeTill) + '? It stops syncing at once; its sales stay on it until it is paired again.')) {
        await api('/api/office/tills/' + encodeURIComponent(revokeTill) + '/revoke', { method: 'POST' });
        $('pairing').textContent = 'Till ' + (tillCodes.get(revokeTill) || revokeTill) + ' revoked.';
        await load();
      }
    } catch (error) { $('pairing').textContent = error.message; }
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
  start().catch((error) => { $('live').textContent = 'error: ' + error.message; });
})();
</script>
</body>
</html>`;
}

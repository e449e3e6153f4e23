import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OfficeMe, OfficeRoute, Store } from '../../../shared/src/index.js';
import { AccountsPage } from './accounts/AccountsPage.js';
import { loginNeeded, office, whenSessionEnds } from './api.js';
import { AuditPage } from './audit/AuditPage.js';
import { CataloguePage } from './catalogue/CataloguePage.js';
import { CashiersPage } from './cashiers/CashiersPage.js';
import { CountsPage } from './counts/CountsPage.js';
import { CustomersPage } from './customers/CustomersPage.js';
import { ExceptionsPage } from './exceptions/ExceptionsPage.js';
import { useLive } from './live.js';
import { LoginPage } from './login/LoginPage.js';
import { SetupPage } from './login/SetupPage.js';
import { RefusalsPage } from './refusals/RefusalsPage.js';
import { ControlReportPage } from './reports/ControlReportPage.js';
import { CustomersReportPage } from './reports/CustomersReportPage.js';
import { DashboardPage } from './reports/DashboardPage.js';
import { MarginsReportPage } from './reports/MarginsReportPage.js';
import { ProductsReportPage } from './reports/ProductsReportPage.js';
import { RunningLowPage } from './reports/RunningLowPage.js';
import { SalesReportPage } from './reports/SalesReportPage.js';
import { Link, useRouter } from './router.js';
import { SalesPage } from './sales/SalesPage.js';
import { SessionContext, sessionFor, type OfficeSession } from './session.js';
import { SettingsPage } from './settings/SettingsPage.js';
import { ShiftsPage } from './shifts/ShiftsPage.js';
import { StockPage } from './stock/StockPage.js';
import { StoresPage } from './stores/StoresPage.js';
import { SuppliersPage } from './purchasing/SuppliersPage.js';
import { PurchaseOrdersPage } from './purchasing/PurchaseOrdersPage.js';
import { ReorderPage } from './purchasing/ReorderPage.js';
import { ValuationPage } from './purchasing/ValuationPage.js';
import { TaxClassesPage } from './taxes/TaxClassesPage.js';
import { TillsPage } from './tills/TillsPage.js';
import { TransfersPage } from './transfers/TransfersPage.js';

/** What every store's page gets: the store, and the live stream's count of its changes. */
export interface StorePageProps {
  store: Store;
  version: number;
}

interface PageEntry {
  path: string;
  title: string;
  /** The route whose permission the page needs to be offered at all. */
  needs: OfficeRoute;
  /** A page of one store (with the store picker), or of the whole business. */
  perStore: boolean;
  render(props: StorePageProps): ReactNode;
}

/** The app's pages in the order the menu lists them; "/" opens the first. */
const PAGES: PageEntry[] = [
  { path: '/dashboard', title: 'Dashboard', needs: 'GET /api/office/reports/dashboard', perStore: false, render: () => <DashboardPage /> },
  { path: '/reports/sales', title: 'Sales report', needs: 'GET /api/office/reports/sales', perStore: false, render: () => <SalesReportPage /> },
  { path: '/reports/products', title: 'What sells', needs: 'GET /api/office/reports/products', perStore: false, render: () => <ProductsReportPage /> },
  { path: '/reports/margins', title: 'Margins', needs: 'GET /api/office/reports/margins', perStore: false, render: () => <MarginsReportPage /> },
  { path: '/reports/running-low', title: 'Running low', needs: 'GET /api/office/reports/running-low', perStore: false, render: () => <RunningLowPage /> },
  { path: '/reports/customers', title: 'Customer report', needs: 'GET /api/office/reports/customers', perStore: false, render: () => <CustomersReportPage /> },
  { path: '/reports/control', title: 'Control', needs: 'GET /api/office/reports/control', perStore: false, render: () => <ControlReportPage /> },
  { path: '/tills', title: 'Tills', needs: 'GET /api/office/tills', perStore: true, render: (props) => <TillsPage {...props} /> },
  { path: '/stock', title: 'Stock', needs: 'GET /api/office/stock', perStore: true, render: (props) => <StockPage {...props} /> },
  { path: '/sales', title: 'Sales', needs: 'GET /api/office/sales', perStore: true, render: (props) => <SalesPage {...props} /> },
  { path: '/shifts', title: 'Shifts', needs: 'GET /api/office/shifts', perStore: true, render: (props) => <ShiftsPage {...props} /> },
  { path: '/cashiers', title: 'Cashiers', needs: 'GET /api/office/cashiers', perStore: true, render: (props) => <CashiersPage {...props} /> },
  { path: '/customers', title: 'Customers', needs: 'GET /api/office/customers', perStore: true, render: (props) => <CustomersPage {...props} /> },
  { path: '/refusals', title: 'Refused documents', needs: 'GET /api/office/refusals', perStore: true, render: (props) => <RefusalsPage {...props} /> },
  { path: '/exceptions', title: 'Exceptions', needs: 'GET /api/office/exceptions', perStore: true, render: (props) => <ExceptionsPage {...props} /> },
  { path: '/settings', title: 'Store settings', needs: 'PUT /api/office/stores/:store/settings', perStore: true, render: (props) => <SettingsPage {...props} /> },
  { path: '/taxes', title: 'Tax classes', needs: 'GET /api/office/tax-classes', perStore: true, render: (props) => <TaxClassesPage {...props} /> },
  { path: '/stores', title: 'Stores', needs: 'GET /api/office/stores', perStore: false, render: () => <StoresPage /> },
  { path: '/catalogue', title: 'Catalogue', needs: 'GET /api/office/products', perStore: false, render: () => <CataloguePage /> },
  { path: '/suppliers', title: 'Suppliers', needs: 'GET /api/office/suppliers', perStore: false, render: () => <SuppliersPage /> },
  { path: '/purchase-orders', title: 'Purchase orders', needs: 'GET /api/office/purchase-orders', perStore: true, render: (props) => <PurchaseOrdersPage {...props} /> },
  { path: '/reorder', title: 'Reorder', needs: 'GET /api/office/reorder', perStore: true, render: (props) => <ReorderPage {...props} /> },
  { path: '/valuation', title: 'Stock value', needs: 'GET /api/office/valuation', perStore: true, render: (props) => <ValuationPage {...props} /> },
  { path: '/transfers', title: 'Transfers', needs: 'GET /api/office/transfers', perStore: true, render: (props) => <TransfersPage {...props} /> },
  { path: '/counts', title: 'Stock counts', needs: 'GET /api/office/counts', perStore: true, render: (props) => <CountsPage {...props} /> },
  { path: '/accounts', title: 'Accounts', needs: 'GET /api/office/accounts', perStore: false, render: () => <AccountsPage /> },
  { path: '/audit', title: 'Audit log', needs: 'GET /api/office/audit', perStore: false, render: () => <AuditPage /> },
];

type Start = { kind: 'loading' } | { kind: 'login' } | { kind: 'problem'; message: string } | { kind: 'in'; me: OfficeMe; stores: Store[] };

/** Head office's app: the login or the owner's setup, else the menu, the store picker and the page asked for. */
export function App() {
  const { place } = useRouter();
  const [start, setStart] = useState<Start>({ kind: 'loading' });
  const begin = useCallback(async () => {
    try {
      const me = await office.get('/api/office/me');
      const stores = await office.get('/api/office/stores');
      setStart({ kind: 'in', me, stores });
    } catch (error) {
      setStart(loginNeeded(error) ? { kind: 'login' } : { kind: 'problem', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);
  // Once on opening, and again on leaving the owner's setup (which logs the owner in).
  const settingUp = place.path === '/setup';
  useEffect(() => {
    if (!settingUp) void begin();
  }, [begin, settingUp]);
  // A session that ends meanwhile (expired, logged out elsewhere, account deactivated) shows the login.
  useEffect(() => {
    whenSessionEnds(() => setStart({ kind: 'login' }));
    return () => whenSessionEnds(undefined);
  }, []);

  if (settingUp) return <SetupPage />;
  if (start.kind === 'loading') return <p className="loading">Loading…</p>;
  if (start.kind === 'login') return <LoginPage onLoggedIn={begin} />;
  if (start.kind === 'problem')
    return (
      <main className="narrow">
        <h1>Kassa head office</h1>
        <p role="alert" className="problem">
          The server did not answer as expected: {start.message}
        </p>
        <button type="button" onClick={() => void begin()}>
          Try again
        </button>
      </main>
    );
  return <Office me={start.me} stores={start.stores} onLoggedOut={() => setStart({ kind: 'login' })} />;
}

function Office(props: { me: OfficeMe; stores: Store[]; onLoggedOut(): void }) {
  const { place, navigate } = useRouter();
  const { onLoggedOut } = props;
  const [stores, setStores] = useState(props.stores);
  const session: OfficeSession = useMemo(
    () =>
      sessionFor(props.me, stores, async () => {
        await office.post('/api/office/logout').catch(() => undefined);
        onLoggedOut();
      }),
    [props.me, stores, onLoggedOut],
  );
  const offered = PAGES.filter((page) => session.may(page.needs));
  const page = place.path === '/' ? offered[0] : offered.find((entry) => entry.path === place.path);
  const storeId = place.query.get('store');
  const store = stores.find((candidate) => candidate.id === storeId) ?? stores[0];
  const live = useLive(page?.perStore ? store?.id : undefined);
  // A store's settings change its formats (locale, time zone) on every page: read the stores again as it changes.
  useEffect(() => {
    if (live.version === 0) return;
    office
      .get('/api/office/stores')
      .then(setStores)
      .catch(() => undefined);
  }, [live.version]);

  // The address always names the page and the store, so a reload or a shared link opens the same.
  useEffect(() => {
    if (!page) return;
    if (place.path !== page.path || (page.perStore && store && storeId !== store.id)) navigate(`${page.path}${page.perStore && store ? `?store=${encodeURIComponent(store.id)}` : ''}`, { replace: true });
  }, [navigate, page, place.path, store, storeId]);
  useEffect(() => {
    document.title = page ? `${page.title} · Kassa head office` : 'Kassa head office';
  }, [page]);
  // Another page from the menu: a screen reader starts reading at the page, not at the menu.
  const main = useRef<HTMLElement>(null);
  const shown = useRef(page?.path);
  useEffect(() => {
    if (shown.current !== page?.path) main.current?.focus();
    shown.current = page?.path;
  }, [page?.path]);

  const storeQuery = store ? `?store=${encodeURIComponent(store.id)}` : '';
  return (
    <SessionContext.Provider value={session}>
      <header className="office-header">
        <h1>Kassa head office</h1>
        {page?.perStore && stores.length > 0 ? (
          <label className="store-picker">
            Store{' '}
            <select value={store?.id} onChange={(event) => navigate(`${page.path}?store=${encodeURIComponent(event.target.value)}`)}>
              {stores.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name} ({candidate.code})
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <span id="live" role="status" className="live">
          {page?.perStore && store ? live.state : ''}
        </span>
        <span className="who">
          {props.me.account ? `${props.me.account.name} (${props.me.role})` : `office key (${props.me.role})`}
          {props.me.via === 'session' ? (
            <button type="button" onClick={() => void session.logout()}>
              Log out
            </button>
          ) : null}
        </span>
      </header>
      <div className="office-body">
        <nav aria-label="Head office">
          <ul>
            {offered.map((entry) => (
              <li key={entry.path}>
                <Link to={`${entry.path}${entry.perStore ? storeQuery : ''}`}>{entry.title}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="office" ref={main} tabIndex={-1}>
          {!page ? (
            <p>There is no such page here. Pick one from the menu.</p>
          ) : page.perStore && !store ? (
            <p>{props.me.role === 'owner' ? 'No stores yet.' : 'No store is assigned to you yet; the owner assigns stores on the Accounts page.'}</p>
          ) : (
            // A page starts afresh for another store.
            <Fragment key={`${page.path}:${store?.id ?? ''}`}>{page.render({ store: store!, version: live.version })}</Fragment>
          )}
        </main>
      </div>
    </SessionContext.Provider>
  );
}

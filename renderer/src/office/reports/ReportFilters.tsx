import { useMemo } from 'react';
import type { Store } from '../../../../shared/src/index.js';
import { FormField } from '../../ui-kit/index.js';
import { useLiveStores } from '../live.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { dayIn, isDay, QUICK_PERIOD_NAMES, QUICK_PERIODS, quickPeriod, quickPeriodOf, type Period, type QuickPeriod } from './periods.js';

/**
 * What a report shows, as its address says (`?from=2026-12-01&to=2026-12-06&stores=store-1`), so a
 * reload or a shared link shows the same: the stores chosen (none named: every store of the account)
 * and the period. What the address leaves out or gets wrong is the default.
 */
export interface ReportFilters {
  /** The stores chosen, as the account may see them; all of them when none is named. */
  stores: Store[];
  allStores: boolean;
  period: Period;
  /** Today in the stores' time zone (the browser's where they differ or have none). */
  today: string;
  /** The query a report route takes: the store ids, or nothing for every store. */
  storesQuery: string | undefined;
  /** One more parameter of the address ("by"), or null when it is not there. */
  parameter(name: string): string | null;
  /** Changes some of the address's parameters (undefined removes one) and keeps the rest. */
  change(changes: Record<string, string | undefined>): void;
  /** The address of another page with the same stores and period (and more parameters). */
  linkTo(path: string, more?: Record<string, string>): string;
  /** Counts the changes heard from the stores' tills and head office: a report reloads as it moves. */
  live: number;
}

export function useReportFilters(defaultPeriod: QuickPeriod): ReportFilters {
  const { place, navigate } = useRouter();
  const { stores: mayShow } = useSession();
  const query = place.query;
  const filters = useMemo((): Omit<ReportFilters, 'live'> => {
    const named = (query.get('stores') ?? '').split(',').filter((id) => id !== '');
    const chosen = mayShow.filter((store) => named.includes(store.id));
    const allStores = chosen.length === 0 || chosen.length === mayShow.length;
    const stores = allStores ? mayShow : chosen;
    const zones = new Set(stores.map((store) => store.timeZone));
    const today = dayIn(new Date(), zones.size === 1 ? [...zones][0] : undefined);
    const from = query.get('from');
    const to = query.get('to');
    const period = isDay(from) && isDay(to) && from <= to ? { from, to } : quickPeriod(defaultPeriod, today);
    const storesQuery = allStores ? undefined : stores.map((store) => store.id).join(',');
    const address = (path: string, parameters: Record<string, string | undefined>) => {
      const search = new URLSearchParams(Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined));
      return `${path}?${search}`;
    };
    return {
      stores,
      allStores,
      period,
      today,
      storesQuery,
      parameter: (name) => query.get(name),
      change: (changes) => {
        const next = Object.fromEntries(query.entries()) as Record<string, string | undefined>;
        // The filters in force go into the address once anything changes, so the link shows the same later.
        next.from = period.from;
        next.to = period.to;
        navigate(address(place.path, { ...next, ...changes }), { replace: true });
      },
      linkTo: (path, more = {}) => address(path, { stores: storesQuery, from: period.from, to: period.to, ...more }),
    };
  }, [defaultPeriod, mayShow, navigate, place.path, query]);
  // A report follows its stores live: what a till sells, or head office changes, reloads it.
  const { version } = useLiveStores(filters.stores.map((store) => store.id));
  return useMemo(() => ({ ...filters, live: version }), [filters, version]);
}

/** The period's quick picks and its first and last day. */
export function PeriodPicker(props: { filters: ReportFilters }) {
  const { period, today, change } = props.filters;
  const picked = quickPeriodOf(period, today);
  const choose = (next: Period) => change({ from: next.from, to: next.to });
  return (
    <>
      <div className="quick-periods" role="group" aria-label="Period">
        {QUICK_PERIODS.map((quick) => (
          <button key={quick} type="button" aria-pressed={picked === quick} onClick={() => choose(quickPeriod(quick, today))}>
            {QUICK_PERIOD_NAMES[quick]}
          </button>
        ))}
      </div>
      <FormField label="From">
        {(control) => (
          <input
            {...control}
            type="date"
            value={period.from}
            max={period.to}
            // A first day after the last moves the last along.
            onChange={(event) => isDay(event.target.value) && choose({ from: event.target.value, to: event.target.value > period.to ? event.target.value : period.to })}
          />
        )}
      </FormField>
      <FormField label="To">
        {(control) => (
          <input
            {...control}
            type="date"
            value={period.to}
            min={period.from}
            onChange={(event) => isDay(event.target.value) && choose({ from: event.target.value < period.from ? event.target.value : period.from, to: event.target.value })}
          />
        )}
      </FormField>
    </>
  );
}

/** Every store of the account, or some: one checkbox each (shown only where there is a choice). */
export function StoreFilter(props: { filters: ReportFilters }) {
  const { stores: mayShow } = useSession();
  const { stores, allStores, change } = props.filters;
  if (mayShow.length < 2) return null;
  const chosen = new Set(stores.map((store) => store.id));
  const toggle = (store: Store, checked: boolean) => {
    const next = mayShow.filter((candidate) => (candidate.id === store.id ? checked : chosen.has(candidate.id)));
    // Every store chosen is the same as none named: every store of the account, new ones too.
    change({ stores: next.length === mayShow.length ? undefined : next.map((candidate) => candidate.id).join(',') });
  };
  return (
    <fieldset className="store-filter">
      <legend>Stores</legend>
      <label className="check">
        <input type="checkbox" checked={allStores} disabled={allStores} onChange={() => change({ stores: undefined })} /> all
      </label>
      {mayShow.map((store) => (
        <label key={store.id} className="check">
          {/* The last store chosen stays: a report of no store shows nothing. */}
          <input type="checkbox" checked={chosen.has(store.id)} disabled={chosen.has(store.id) && chosen.size === 1} onChange={(event) => toggle(store, event.target.checked)} /> {store.name}
        </label>
      ))}
    </fieldset>
  );
}

/** "Corner Shop", "Corner Shop, Harbour Street" or "All 3 stores": which stores a report covers. */
export function storesText(filters: ReportFilters): string {
  if (filters.allStores && filters.stores.length > 1) return `All ${filters.stores.length} stores`;
  return filters.stores.map((store) => store.name).join(', ');
}

/** "This month, 2026-12-01 to 2026-12-06", or the days alone when picked by hand. */
export function periodText(filters: ReportFilters): string {
  const { period, today } = filters;
  const quick = quickPeriodOf(period, today);
  const days = period.from === period.to ? period.from : `${period.from} to ${period.to}`;
  return quick ? `${QUICK_PERIOD_NAMES[quick]}, ${days}` : days;
}

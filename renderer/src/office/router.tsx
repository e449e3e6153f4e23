import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type ReactNode } from 'react';

/** Where the sync server serves the app; every route of it lies below. */
export const OFFICE_BASE = '/office';

interface Place {
  /** The path below /office: "/", "/stock", "/setup". */
  path: string;
  query: URLSearchParams;
}

interface RouterValue {
  place: Place;
  /** Goes to a path below /office (with its query), as a link does; `replace` leaves no history entry. */
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterValue | null>(null);

function currentPlace(): Place {
  const { pathname, search } = window.location;
  const below = pathname.startsWith(OFFICE_BASE) ? pathname.slice(OFFICE_BASE.length) : pathname;
  const path = `/${below.replace(/^\/+|\/+$/g, '')}`;
  return { path, query: new URLSearchParams(search) };
}

/**
 * The app's own small router (a handful of pages need no library): the address bar is the state,
 * links push history entries, Back and Forward work.
 */
export function Router(props: { children: ReactNode }) {
  const [place, setPlace] = useState(currentPlace);
  useEffect(() => {
    const moved = () => setPlace(currentPlace());
    window.addEventListener('popstate', moved);
    return () => window.removeEventListener('popstate', moved);
  }, []);
  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    const href = `${OFFICE_BASE}${to === '/' ? '' : to}`;
    if (options?.replace) window.history.replaceState(null, '', href);
    else window.history.pushState(null, '', href);
    setPlace(currentPlace());
  }, []);
  const value = useMemo(() => ({ place, navigate }), [place, navigate]);
  return <RouterContext.Provider value={value}>{props.children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside <Router>');
  return router;
}

/** A link within the app: a real <a> (opens in a new tab too), marked as the current page where it is. */
export function Link(props: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const { to, children, ...rest } = props;
  const { place, navigate } = useRouter();
  const path = to.split('?')[0];
  const current = place.path === path;
  return (
    <a
      {...rest}
      href={`${OFFICE_BASE}${to === '/' ? '' : to}`}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

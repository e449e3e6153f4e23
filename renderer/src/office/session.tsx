import { createContext, useContext } from 'react';
import { OFFICE_ROUTE_PERMISSIONS, roleMay, type OfficeMe, type OfficeRoute, type Store } from '../../../shared/src/index.js';

/** Who is using the app, and the stores they may see. */
export interface OfficeSession {
  me: OfficeMe;
  stores: Store[];
  /** Whether the person's role grants a route (the server refuses anyway: this only hides what would fail). */
  may(route: OfficeRoute): boolean;
  logout(): Promise<void>;
}

export function sessionFor(me: OfficeMe, stores: Store[], logout: () => Promise<void>): OfficeSession {
  return { me, stores, may: (route) => roleMay(me.role, OFFICE_ROUTE_PERMISSIONS[route]), logout };
}

export const SessionContext = createContext<OfficeSession | null>(null);

export function useSession(): OfficeSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a session');
  return session;
}

import { create } from 'zustand';
import type { CashierRole } from '../../../../shared/src/index.js';

/** The cashier signed in at this till: every document the till makes names them. */
export interface SignedInCashier {
  id: string;
  name: string;
  role: CashierRole;
}

interface SessionState {
  cashier: SignedInCashier | null;
  signIn(cashier: SignedInCashier): void;
  signOut(): void;
}

/**
 * Kept for this window only (sessionStorage): a reload keeps the cashier signed in, a restart of the
 * till or a crash asks for the PIN again.
 */
const KEY = 'kassa-session';

function kept(): SignedInCashier | null {
  try {
    const text = globalThis.sessionStorage?.getItem(KEY);
    return text ? (JSON.parse(text) as SignedInCashier) : null;
  } catch {
    return null;
  }
}

export const useSession = create<SessionState>((set) => ({
  cashier: kept(),
  signIn(cashier) {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(cashier));
    set({ cashier });
  },
  signOut() {
    globalThis.sessionStorage?.removeItem(KEY);
    set({ cashier: null });
  },
}));

import { create } from 'zustand';
import type { Person } from '../../../../shared/src/index.js';

interface PendingApproval {
  /** What the manager is asked to allow, in words. */
  what: string;
  resolve(manager: Person | null): void;
}

interface ApprovalState {
  pending: PendingApproval | null;
  /**
   * Asks for a manager's PIN for `what`; resolves with the manager who approved, or null when the
   * cashier cancelled. One request at a time.
   */
  request(what: string): Promise<Person | null>;
  settle(manager: Person | null): void;
}

export const useApproval = create<ApprovalState>((set, get) => ({
  pending: null,
  request(what) {
    get().pending?.resolve(null);
    return new Promise((resolve) => set({ pending: { what, resolve } }));
  },
  settle(manager) {
    get().pending?.resolve(manager);
    set({ pending: null });
  },
}));

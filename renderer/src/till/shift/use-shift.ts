import { useSyncExternalStore } from 'react';
import { create } from 'zustand';
import type { ShiftEvent } from '../../../../shared/src/index.js';
import type { ShiftState } from './shifts.js';
import { useServices } from '../context.js';

/** Which shift is open on this till, and whether that is known yet; re-renders when it changes. */
export function useShiftState(): ShiftState {
  const { shifts } = useServices();
  return useSyncExternalStore(
    (notify) => {
      const subscription = shifts.state$.subscribe(notify);
      return () => subscription.unsubscribe();
    },
    () => shifts.state$.value,
  );
}

/** The open shift's open event (its id is the shift's id), or null: selling needs one. */
export function useOpenShift(): ShiftEvent | null {
  return useShiftState().open;
}

/** Whether the Shift dialog (F3) is up: opened from the key or the status bar's button. */
export const useShiftDialog = create<{ shown: boolean; show(): void; hide(): void }>((set) => ({
  shown: false,
  show: () => set({ shown: true }),
  hide: () => set({ shown: false }),
}));

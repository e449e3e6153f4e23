import { useSyncExternalStore } from 'react';
import type { ShiftEvent } from '../../../shared/src/index.js';
import type { ShiftState } from '../data/shifts.js';
import { useServices } from './context.js';

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

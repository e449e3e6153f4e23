import { useCallback, useEffect, useRef, useState } from 'react';
import { fieldProblems } from '../ui-kit/index.js';

/**
 * What a page shows, loaded when it opens and again whenever `key` changes (the store, or the live
 * stream's count of changes); the last answer stays on screen while the next one loads. Loads never
 * overlap: what changes while one runs is read by one more load after it (a stock report of
 * 100,000 products takes seconds, and tills may sync every second meanwhile).
 */
export function useLoaded<Value>(load: () => Promise<Value>, key: string): { value: Value | undefined; problem: string; reload(): Promise<void> } {
  const [value, setValue] = useState<Value>();
  const [problem, setProblem] = useState('');
  const latest = useRef(load);
  latest.current = load;
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  // Resolves once a load has started after the call, so a caller that changed something reads it.
  const reload = useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const loads = (async () => {
      try {
        do {
          again.current = false;
          try {
            setValue(await latest.current());
            setProblem('');
          } catch (error) {
            setProblem(fieldProblems(error).message);
          }
        } while (again.current);
      } finally {
        running.current = null;
      }
    })();
    running.current = loads;
    return loads;
  }, []);
  useEffect(() => {
    void reload();
  }, [key, reload]);
  return { value, problem, reload };
}

/** The time now, again every `everyMs`: for "12 s ago" that keeps counting. */
export function useNow(everyMs = 10_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

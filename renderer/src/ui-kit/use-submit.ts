import { useCallback, useRef, useState } from 'react';
import { fieldProblems, type FieldProblem } from './field-problems.js';

export interface Submission<Args extends unknown[]> {
  /** Runs the action unless one is running already; resolves true when it succeeded. */
  run(...args: Args): Promise<boolean>;
  busy: boolean;
  /** What went wrong, in words, or '' after a success or before any try. */
  problem: string;
  /** The same problems by the field they name ("limits.lineQuantity"), for the form to show beside each field. */
  fieldProblems: FieldProblem[];
  /** Forgets the last problem, as a form does when it is reset or closed. */
  clear(): void;
}

/**
 * The busy flag, the error and the try/catch around a form's or a button's action, once: an action
 * that throws leaves its message (and a refusal's problems by field) for the form to show.
 */
export function useSubmit<Args extends unknown[]>(action: (...args: Args) => Promise<unknown>): Submission<Args> {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const running = useRef(false);
  // The latest action, so a caller need not memoise it.
  const latest = useRef(action);
  latest.current = action;

  const run = useCallback(async (...args: Args) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    try {
      await latest.current(...args);
      setProblem('');
      setProblems([]);
      return true;
    } catch (error) {
      const found = fieldProblems(error);
      setProblem(found.message);
      setProblems(found.fields);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setProblem('');
    setProblems([]);
  }, []);
  return { run, busy, problem, fieldProblems: problems, clear };
}

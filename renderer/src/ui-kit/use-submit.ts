import { useCallback, useRef, useState } from 'react';
import { fieldProblems, NotDone, type FieldProblem } from './field-problems.js';

export interface Submission<Args extends unknown[]> {
  /** Runs the action unless one is running already; resolves true when it succeeded. */
  run(...args: Args): Promise<boolean>;
  busy: boolean;
  /** What went wrong, in words, or '' after a success or before any try (and during one, with `clearOnRun`). */
  problem: string;
  /** The same problems by the field they name ("limits.lineQuantity"), for the form to show beside each field. */
  fieldProblems: FieldProblem[];
  /** Forgets the last problem, as a form does when it is reset or closed. */
  clear(): void;
}

/** How a form words and shows its problems, where the message of the error alone is not enough. */
export interface SubmitOptions {
  /**
   * The words for a failure, from the error's message: the till says what was not done ("The cart
   * was not voided: …"). A `NotDone` the action throws is in the form's words already and is shown as
   * it is.
   */
  failure?(message: string): string;
  /** A new try takes the last problem down as it starts, rather than leaving it up until it ends. */
  clearOnRun?: boolean;
  /** Told each failure, in the words `problem` holds: for a form that says it somewhere else too (the till's notice). */
  onFailure?(problem: string): void;
}

/**
 * The busy flag, the error and the try/catch around a form's or a button's action, once: an action
 * that throws leaves its message (and a refusal's problems by field) for the form to show.
 */
export function useSubmit<Args extends unknown[]>(action: (...args: Args) => Promise<unknown>, options: SubmitOptions = {}): Submission<Args> {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const running = useRef(false);
  // The latest action and options, so a caller need not memoise them.
  const latest = useRef({ action, options });
  latest.current = { action, options };

  const run = useCallback(async (...args: Args) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    const { action: act, options: told } = latest.current;
    if (told.clearOnRun) {
      setProblem('');
      setProblems([]);
    }
    try {
      await act(...args);
      setProblem('');
      setProblems([]);
      return true;
    } catch (error) {
      const found = fieldProblems(error);
      const said = told.failure && !(error instanceof NotDone) ? told.failure(found.message) : found.message;
      setProblem(said);
      setProblems(found.fields);
      told.onFailure?.(said);
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

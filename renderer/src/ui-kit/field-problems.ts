/** One problem with one field of a form: `path` as the server names it ("limits.lineQuantity"). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A problem the form finds before it sends anything, named by its field like the server's. */
export class FormProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/**
 * Why the action stopped, found by the action itself and said in the form's own words ("Choose or
 * type a reason."): shown as it is, where a failure of what the action calls may be worded by the
 * form (see `useSubmit`'s `failure`).
 */
export class NotDone extends Error {
  override name = 'NotDone';
}

/** "limits.lineQuantity: at most …" → the path and the rest; a problem naming no field has no path. */
const NAMED = /^([A-Za-z][\w]*(?:\.[\w]+)*(?:\[\d+\])?(?:\.[\w]+)*): (.+)$/s;

function split(text: string): FieldProblem | undefined {
  const match = NAMED.exec(text);
  return match ? { path: match[1], message: match[2] } : undefined;
}

/**
 * What an error says, whole and by field: a refusal's details (`{ problems: ["cashRounding: …"] }`),
 * or an error's own problems (a `CustomerError`'s), are split into their field paths; anything else
 * is one message.
 */
export function fieldProblems(error: unknown): { message: string; fields: FieldProblem[] } {
  if (error instanceof FormProblem) return { message: error.message, fields: [{ path: error.path, message: error.message.slice(error.path.length + 2) }] };
  const details = (error as { details?: { problems?: unknown }[] } | null)?.details;
  const own = (error as { problems?: unknown } | null)?.problems;
  const texts = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  const problems = Array.isArray(details) ? details.flatMap((detail) => texts(detail.problems)) : texts(own);
  const message = problems.length > 0 ? problems.join('; ') : error instanceof Error ? error.message : String(error);
  return { message, fields: problems.map(split).filter((problem): problem is FieldProblem => problem !== undefined) };
}

/** The message for one field (or any of its parts: "limits" finds "limits.lineQuantity"), if the last try named it. */
export function problemFor(problems: readonly FieldProblem[], path: string): string | undefined {
  const found = problems.filter((problem) => problem.path === path || problem.path.startsWith(`${path}.`) || problem.path.startsWith(`${path}[`));
  return found.length > 0 ? found.map((problem) => problem.message).join('; ') : undefined;
}

/**
 * The updatedAt a save gives a document that had `last`: now, or one millisecond after `last` where
 * the clock is not past it (two saves in one millisecond, a clock set back). updatedAt always moves
 * on, so it tells every change apart: an edit sent with the updatedAt it loaded is refused once
 * another save came between. A `last` that is not a time is passed over.
 */
export function nextUpdatedAt(last: string, now: Date): string {
  const lastTime = Date.parse(last);
  return new Date(Number.isFinite(lastTime) && lastTime >= now.getTime() ? lastTime + 1 : now.getTime()).toISOString();
}

export interface Snapshotted {
  saveSnapshot(): Promise<void>;
  readonly changesSinceSnapshot: number;
}

export interface SnapshotPolicy {
  /** Save once this many changes have accumulated… */
  minChanges: number;
  /** …or when any change is older than this. */
  maxAgeMs: number;
  /** Only when nobody has touched the till for this long: a snapshot of 100,000 products takes a moment. */
  quietMs: number;
  checkEveryMs: number;
}

export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = { minChanges: 1000, maxAgeMs: 10 * 60_000, quietMs: 5_000, checkEveryMs: 5_000 };

/**
 * Refreshes the views' snapshots now and then, while the till is quiet, so the next start reads one
 * recent snapshot and few changes. Returns a function that stops it.
 */
export function keepSnapshots(
  targets: Snapshotted[],
  policy: SnapshotPolicy = DEFAULT_SNAPSHOT_POLICY,
  /** True while something heavier runs (a first sync): a snapshot then would only slow it down. */
  isBusy: () => boolean = () => false,
): () => void {
  let lastInput = 0;
  let lastSave = Date.now();
  let saving = false;
  const onInput = () => (lastInput = Date.now());
  const events = ['keydown', 'pointerdown'] as const;
  if (typeof window !== 'undefined') for (const event of events) window.addEventListener(event, onInput, { capture: true, passive: true });

  const timer = setInterval(() => {
    if (saving || Date.now() - lastInput < policy.quietMs || isBusy()) return;
    const due = targets.filter(
      (target) => target.changesSinceSnapshot >= policy.minChanges || (target.changesSinceSnapshot > 0 && Date.now() - lastSave > policy.maxAgeMs),
    );
    if (due.length === 0) return;
    saving = true;
    void (async () => {
      for (const target of due) await target.saveSnapshot().catch((error: unknown) => console.warn('snapshot not saved', error));
      lastSave = Date.now();
      saving = false;
    })();
  }, policy.checkEveryMs);

  return () => {
    clearInterval(timer);
    if (typeof window !== 'undefined') for (const event of events) window.removeEventListener(event, onInput, { capture: true });
  };
}

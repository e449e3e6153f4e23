/**
 * Each function of each group of `source` (a storage's groups: sequence, documents, sales, ...),
 * wrapped by `wrap`; the groups' shapes stay as they are. The adapters use it to queue their reads,
 * and to refuse a transaction's `tx` once its transaction has ended.
 */
export function wrapGroups<T extends object>(source: T, wrap: (call: () => Promise<unknown>) => Promise<unknown>): T {
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const [groupName, group] of Object.entries(source) as [string, Record<string, unknown>][]) {
    wrapped[groupName] = Object.fromEntries(
      Object.entries(group).map(([name, operation]) => [name, (...args: unknown[]) => wrap(() => (operation as (...parameters: unknown[]) => Promise<unknown>)(...args))]),
    );
  }
  return wrapped as T;
}

import type { FieldKind } from './port.js';

/** The names of the fields asked for, checked to be plain names: they are written into the statement. */
export function fieldNames(fields: Record<string, FieldKind>): string[] {
  const names = Object.keys(fields);
  for (const name of names) if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new RangeError(`a document field is a plain name, not ${JSON.stringify(name)}`);
  if (names.length === 0) throw new RangeError('at least one field is asked for');
  return names;
}

/** A document's fields from their values in `names` order: a missing one (undefined or null) is undefined, a boolean is true only when true. */
export function fieldsFromValues<T>(fields: Record<keyof T, FieldKind>, names: readonly string[], values: readonly unknown[]): T {
  return Object.fromEntries(names.map((name, index) => [name, fields[name as keyof T] === 'boolean' ? values[index] === true : (values[index] ?? undefined)])) as T;
}
